// Declarations of the module scripts/build-wasm.mjs generates beside this file (rmsprop-wasm.ts,
// gitignored), so the sources typecheck before the first build. Run `npm run build:wasm`.

/** Hash of the sources, flags and compiler version the build came from. */
export declare const WASM_SOURCE_HASH: string;
/** The kernels importing a shared memory, base64. */
export declare const WASM_SHARED_BASE64: string;
/** The kernels importing an ordinary memory, base64. */
export declare const WASM_PLAIN_BASE64: string;
/** The relaxed-SIMD build (fused multiply-add in the product), shared memory, base64. */
export declare const WASM_SHARED_RELAXED_BASE64: string;
/** The relaxed-SIMD build, ordinary memory, base64. */
export declare const WASM_PLAIN_RELAXED_BASE64: string;
