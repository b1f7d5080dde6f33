/** Kept for existing imports: the fixtures live in test/fixtures.ts. */
export * from '../fixtures';
