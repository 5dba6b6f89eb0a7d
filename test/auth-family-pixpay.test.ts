import { authDefectSuite } from './helpers/auth-defects.ts';

// Issue 3: every auth defect caught, for the HMAC canonical-string partner; its clean run through the CLI.
authDefectSuite('pixpay', ['sk_test_railgate_simulator_not_a_real_secret', 'whsec_test_railgate_simulator_not_a_real_secret'], { cli: true });
