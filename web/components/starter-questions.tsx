import { useI18n } from '../lib/i18n.js';
import { langTag } from '../lib/text-language.js';

const STARTERS = [
  '哪类 AI 产品经理需求量最高？',
  '非科班背景适合做哪类 AI 产品经理？',
  'AI 产品经理和模型工程师如何协作？',
  'What does an AI platform PM care about?',
  'How is an AI PM different from a traditional PM?',
  'What is a data flywheel?',
];

/** Example questions for an empty chat, in Chinese and English, sent with one click. */
export function StarterQuestions({
  onAsk,
  disabled,
}: {
  onAsk: (question: string) => void;
  disabled: boolean;
}) {
  const { t } = useI18n();
  return (
    <section aria-label={t('starters.label')} className="starters">
      <h2>{t('starters.heading')}</h2>
      <p className="starters-intro">{t('starters.intro')}</p>
      <ul>
        {STARTERS.map((question) => (
          <li key={question}>
            <button
              type="button"
              className="starter"
              lang={langTag(question)}
              disabled={disabled}
              onClick={() => onAsk(question)}
            >
              {question}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
