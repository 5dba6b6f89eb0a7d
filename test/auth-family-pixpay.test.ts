import { authDefectSuite } from './helpers/auth-defects.ts';

// Issue 3: every auth defect caught through the CLI, for the HMAC canonical-string partner.
authDefectSuite('pixpay', ['sk_test_railgate_simulator_not_a_real_secret', 'whsec_test_railgate_simulator_not_a_real_secret']);
