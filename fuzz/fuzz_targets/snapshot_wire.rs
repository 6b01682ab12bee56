//! The snapshot's compact wire form (what the content script posts to the panel, see
//! `lede::snapshot::Wire`) → summary: any shape, lengths or text is read or refused, never a panic.
//! Input: the wire as JSON (`{"url", "shape", "text", "lens"}`, as `lede --wire` prints it), so that
//! the seeds are real pages and mutations keep most of the structure.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Some(Ok(snap)) = lede_fuzz_check::wire_snapshot(data) {
        snap.validate().expect("from_wire gives a valid snapshot");
        let summary = lede::summarize(&snap);
        lede_fuzz_check::ranges_inside(&snap.bounded(), &summary);
        serde_json::to_string(&summary).unwrap();
    }
});

#[path = "check.rs"]
mod lede_fuzz_check;
