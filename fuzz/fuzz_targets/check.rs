//! What the fuzz targets and `tests/fuzz_regressions.rs` (which includes this file) share: the
//! invariants checked on every summary, and how the `snapshot_wire` input is read.

/// Every range of the summary lies inside its snapshot text node (UTF-16 offsets).
pub fn ranges_inside(snap: &lede::Snapshot, s: &lede::Summary) {
    let ranges = s
        .bullet_details
        .iter()
        .flat_map(|b| &b.ranges)
        .chain(s.quotes.iter().flat_map(|q| &q.ranges))
        .chain(
            s.entities
                .iter()
                .flat_map(|e| e.mentions.iter().flat_map(|m| &m.ranges)),
        );
    for r in ranges {
        let text = snap.nodes[r.node as usize]
            .text
            .as_deref()
            .expect("range on a text node");
        assert!(
            r.start <= r.end && r.end as usize <= text.encode_utf16().count(),
            "{r:?}"
        );
    }
}

/// The `snapshot_wire` input: the wire form as JSON (`{"url", "shape", "text", "lens"}`, as
/// `lede --wire` prints it) read the way the panel reads the posted object (missing or non-numeric
/// entries become empty or 0), then `Snapshot::from_wire`. `None` when the bytes are not a JSON
/// object; `Some(Err)` when `from_wire` refuses the wire.
#[allow(dead_code)] // the `html` and `snapshot_json` targets include this file too
pub fn wire_snapshot(data: &[u8]) -> Option<Result<lede::Snapshot, String>> {
    let Ok(serde_json::Value::Object(wire)) = serde_json::from_slice(data) else {
        return None;
    };
    let numbers = |name: &str| -> Vec<u32> {
        wire.get(name)
            .and_then(|v| v.as_array())
            .map(|a| a.iter().map(|n| n.as_u64().unwrap_or(0) as u32).collect())
            .unwrap_or_default()
    };
    let url = wire.get("url").and_then(|v| v.as_str()).map(str::to_string);
    let text = wire
        .get("text")
        .and_then(|v| v.as_str())
        .unwrap_or_default();
    Some(lede::Snapshot::from_wire(
        url,
        &numbers("shape"),
        text,
        &numbers("lens"),
    ))
}
