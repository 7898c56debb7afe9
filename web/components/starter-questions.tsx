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
  return (
    <section aria-label="Starter questions" className="starters">
      <h2>Ask about AI product-manager careers</h2>
      <p className="starters-intro">
        Answers come from the guide, and every claim cites the section it is based on. 中文或英文提问均可。
      </p>
      <ul>
        {STARTERS.map((question) => (
          <li key={question}>
            <button type="button" className="starter" disabled={disabled} onClick={() => onAsk(question)}>
              {question}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
