/** jsdom has no TextEncoder/TextDecoder: Node's, for tests that read and write real workbooks. Import first. */
import { TextDecoder, TextEncoder } from "util";

Object.assign(globalThis, { TextDecoder, TextEncoder });
