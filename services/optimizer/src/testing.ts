/** Test support for suites outside this package (tests/optimizer). */
export { storeCampaign, storeChild, storeTenant, type TestTenant } from "./test-support/tenant.ts";
