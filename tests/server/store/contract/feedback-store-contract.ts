import { describe } from 'vitest';
import { insightsContract } from './insights-contract.js';
import { ratingsContract } from './ratings-contract.js';
import { recordsContract } from './records-contract.js';
import { type ContractBackend, useStoreUnderTest } from './store-under-test.js';

/**
 * The behaviour every FeedbackStore promises, as one suite of test cases. SQLite and Postgres both run all
 * of it, so the routes can never tell which one they have.
 */
export function feedbackStoreContract(backend: () => ContractBackend): void {
  describe('the FeedbackStore contract', () => {
    const subject = useStoreUnderTest(backend);
    ratingsContract(subject);
    insightsContract(subject);
    recordsContract(subject);
  });
}
