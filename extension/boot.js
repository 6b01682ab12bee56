// Lede panel boot: starts fetching and compiling the wasm while the rest of the panel loads.
//
// A classic script at the top of panel.html's <head>, so it runs as soon as the parser reaches it,
// before the module graph (panel.js → pkg/lede.js) is fetched; panel.js hands the compiled module to
// wasm-bindgen's `init`. On any failure (no streaming compile, wrong MIME type) `ledeWasm` resolves to
// undefined and `init` fetches the file itself, as before.
globalThis.ledeWasm = WebAssembly.compileStreaming(fetch('pkg/lede_bg.wasm')).catch(() => undefined);
