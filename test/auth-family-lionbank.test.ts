import { authDefectSuite } from './helpers/auth-defects.ts';

// Issue 3: every auth defect caught, for the OAuth2 + RFC 9421 partner, in process (the CLI's path is
// auth-family-pixpay's).
authDefectSuite('lionbank', ['test-secret-railgate-simulator-only', 'eyLZI0JDURGbYFu2j75tbPg_hQE4mrzm9d6HMnO1QLg', 'lRDFhvd0UqogAJa7JqML58kyHotQ_L7yBMyFaPoU6aI'], { cli: false });
