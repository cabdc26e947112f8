import { z } from "zod";

// Our CSP has no 'unsafe-eval'. Zod probes `Function("")` for its JIT the first time a schema is built,
// which the browser reports as a CSP violation; every module that builds schemas in the browser
// imports this file first.
z.config({ jitless: true });
