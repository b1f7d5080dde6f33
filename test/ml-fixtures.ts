// The example app's five ML components, for tests that need a populated ML catalog (the library's
// default catalog is empty).
export {
  COMPLIANCE_GUARDIAN, DEMAND_INSIGHTS_ENGINE, GLOBAL_MARKET_PULSE, MARKET_INTELLIGENCE_HUB, RETAIL_COPILOT, ecommerceMlComponents,
} from '../examples/ecommerce-ml-components';
