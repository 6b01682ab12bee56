//! Page bytes → HTML → snapshot → summary: never a panic, every range inside its text node.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data);
    let snap = lede::Snapshot::from_html(&html, Some("https://news.example/a"));
    snap.validate().expect("the parser builds a valid snapshot");
    let summary = lede::summarize(&snap);
    lede_fuzz_check::ranges_inside(&snap, &summary);
    serde_json::to_string(&summary).unwrap();
});

#[path = "check.rs"]
mod lede_fuzz_check;
