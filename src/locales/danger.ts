import type { Catalog } from './catalog.js';

/** What the resident reads first when their words show danger now: the number to call, and one safety line. */
export const dangerMessages = {
  'danger.violence': {
    'zh-CN': '⚠️ 如果您现在有危险，请马上拨打 110 报警。尽量先到安全的地方（有人的地方、邻居家），锁好门。',
    en: '⚠️ If you are in danger now, call 110 (police) right away. If you can, get to a safe place (somewhere with other people, a neighbour) and lock the door.',
  },
  'danger.domestic_violence': {
    'zh-CN': '⚠️ 如果您现在有危险，请马上拨打 110 报警；全国妇女维权热线 12338 也可以帮您。尽量先到安全的地方，保护好自己。',
    en: '⚠️ If you are in danger now, call 110 (police) right away; the women\'s rights hotline 12338 can also help you. If you can, get to a safe place first.',
  },
  'danger.self_harm': {
    'zh-CN': '您的安全最重要。请现在就拨打全国心理援助热线 12356，和人说说话；如果已经受伤或吃了药，请马上拨打 120。您不是一个人，我们会帮您一起解决问题。',
    en: 'Your safety matters most. Please call the national psychological assistance hotline 12356 now and talk to someone; if you are hurt or have taken something, call 120 right away. You are not alone, and we will help you with the problem.',
  },
  'danger.child': {
    'zh-CN': '⚠️ 孩子有危险，请马上拨打 110 报警。如果孩子受伤，请拨打 120。',
    en: '⚠️ A child in danger: call 110 (police) right away. If the child is hurt, call 120.',
  },
  'danger.medical': {
    'zh-CN': '⚠️ 请马上拨打 120 急救电话，说清楚地址和情况。',
    en: '⚠️ Call 120 (ambulance) right away and give the address and what happened.',
  },
  /**
   * Violence at home told as a habit or as history (abuse-told.ts), not as danger now: once per conversation, gently,
   * the numbers — no alarm.
   */
  'safety.domestic_violence': {
    'zh-CN': '听到您的遭遇，很难过。遇到家庭暴力，可以打全国妇女维权热线 12338 求助，也可以向法院申请人身安全保护令（一般 72 小时内作出，情况紧急的 24 小时内）。如果他现在还在威胁或伤害您，请马上拨打 110 报警。',
    en: 'I am sorry this happened to you. For violence at home you can call the women\'s rights hotline 12338, and you can ask the court for a personal safety protection order (usually decided within 72 hours, within 24 in an emergency). If he is threatening or hurting you now, call 110 (police) right away.',
  },
  /** Violence at home told of a relative ("我妹妹被她老公打"): the numbers for either of them, how to reach her safely, who may apply for a protection order. */
  'safety.domestic_violence_relative': {
    'zh-CN':
      '听到您家人的遭遇，很难过。如果家人现在有危险，请马上拨打 110 报警；遇到家庭暴力，您或家人都可以打全国妇女维权热线 12338 求助。联系家人时，请挑施暴的人不在身边的时候，别让对方看到消息。家人因为受到威胁等原因不能自己申请人身安全保护令的，近亲属可以代为申请（《反家庭暴力法》第二十三条）。',
    en: 'I am sorry this is happening to your family member. If they are in danger now, call 110 (police) right away; for violence at home you or they can also call the women\'s rights hotline 12338. Reach them when the person who hurts them is not around, so that he or she does not see your messages. If they cannot apply for a personal safety protection order themselves, for example because they are threatened, a close relative may apply for them (Anti-Domestic Violence Law, article 23).',
  },
  /**
   * Right after a warning, cannot call without being heard: the police's text-message number (12110, open in most
   * provinces) and what to write. No list of numbers again.
   */
  'safety.cannot_call': {
    'zh-CN':
      '不方便打电话、说话的话，可以发短信到 12110 报警（大多数地方已开通）：写清楚详细地址、发生了什么、有没有人受伤。能安全离开时，去邻居家或有人的地方再打 110。',
    en: 'If you cannot call or speak safely, you can text the police at 12110 (open in most places): write the exact address, what is happening and whether anyone is hurt. When you can leave safely, go to a neighbour or somewhere with people and call 110.',
  },
  /** Asked which number to call ("报警电话是多少", "what number do i call" after a warning): every emergency number, and the legal hotline last. */
  'safety.numbers': {
    'zh-CN': '紧急求助电话：\n· 110 报警（有人打您、威胁您，或者有危险）\n· 120 急救（受伤、急病）\n· 12338 全国妇女维权热线（家庭暴力）\n· 12356 全国心理援助热线（想不开、很难受的时候）\n法律问题可以打 12348 咨询。',
    en: 'Numbers to call for help now:\n· 110 police (someone hurts or threatens you, or you are in danger)\n· 120 ambulance (injury, sudden illness)\n· 12338 national women\'s rights hotline (domestic violence)\n· 12356 national psychological assistance hotline (when you feel you cannot go on)\nFor legal questions, call 12348.',
  },
} as const satisfies Catalog;
