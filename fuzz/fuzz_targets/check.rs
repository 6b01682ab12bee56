//! Invariants both fuzz targets check on every summary.

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
