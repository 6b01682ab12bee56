//! Helpers shared by the integration tests: where `../shared` is, and reading (gzipped) pages.
#![allow(dead_code)]

use std::path::PathBuf;

/// The shared corpus folder: `$LEDE_SHARED`, else `../shared` beside the repository.
pub fn shared() -> PathBuf {
    std::env::var_os("LEDE_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"))
}

/// Read an HTML file, gunzipping `.gz` ([`lede::snapshot::decode_page`]).
pub fn read_page(path: &std::path::Path) -> String {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    lede::snapshot::decode_page(bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// All corpus pages: readability `source.html` files and aeb-dev `.html.gz` files, sorted.
pub fn corpus_pages() -> Vec<PathBuf> {
    let root = shared().join("corpus");
    let mut out = Vec::new();
    for dir in std::fs::read_dir(root.join("readability")).expect("shared corpus") {
        let p = dir.unwrap().path().join("source.html");
        if p.exists() {
            out.push(p);
        }
    }
    for f in std::fs::read_dir(root.join("aeb-dev/html")).expect("aeb-dev") {
        out.push(f.unwrap().path());
    }
    out.sort();
    out
}
