//! Snapshot JSON (what the content script sends the panel) → summary: malformed input is an error,
//! never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(json) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(snap) = lede::Snapshot::from_json(json) {
        let summary = lede::summarize(&snap);
        lede_fuzz_check::ranges_inside(&snap.bounded(), &summary);
        serde_json::to_string(&summary).unwrap();
    }
});

#[path = "check.rs"]
mod lede_fuzz_check;
