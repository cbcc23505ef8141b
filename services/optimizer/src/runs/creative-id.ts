/** The pool id is shared with the gateway's content API, so it lives in the contracts. */
export { creativeIdOf } from "@layers/contracts";
