//! The extension panel (wasm32 only): being written.
