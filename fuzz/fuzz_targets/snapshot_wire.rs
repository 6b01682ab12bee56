//! The snapshot's compact wire form (what the content script posts to the panel, see
//! `lede::snapshot::Wire`) → summary: any shape, lengths or text is read or refused, never a panic.
//! Input: the wire as JSON (`{"url", "shape", "text", "lens"}`, as `lede --wire` prints it), so that
//! the seeds are real pages and mutations keep most of the structure.
#![no_main]

use libfuzzer_sys::fuzz_target;
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    let Ok(Value::Object(wire)) = serde_json::from_slice::<Value>(data) else {
        return;
    };
    let numbers = |name: &str| -> Vec<u32> {
        wire.get(name)
            .and_then(Value::as_array)
            .map(|a| a.iter().map(|n| n.as_u64().unwrap_or(0) as u32).collect())
            .unwrap_or_default()
    };
    let url = wire.get("url").and_then(Value::as_str).map(str::to_string);
    let text = wire.get("text").and_then(Value::as_str).unwrap_or_default();
    if let Ok(snap) = lede::Snapshot::from_wire(url, &numbers("shape"), text, &numbers("lens")) {
        snap.validate().expect("from_wire gives a valid snapshot");
        let summary = lede::summarize(&snap);
        lede_fuzz_check::ranges_inside(&snap.bounded(), &summary);
        serde_json::to_string(&summary).unwrap();
    }
});

#[path = "check.rs"]
mod lede_fuzz_check;
