export { looksLikeQuestion } from '../knowledge/understanding/question-words.js';
