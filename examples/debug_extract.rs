//! Print the main content element and every block inside it with the body decision (development aid).
fn main() {
    let path = std::env::args().nth(1).expect("usage: debug_extract PAGE");
    let html = lede::snapshot::decode_page(std::fs::read(&path).unwrap()).unwrap();
    let snap = lede::Snapshot::from_html(&html, None);
    let x = lede::extract::extract(&snap);
    let main = x.main;
    println!(
        "main = {:?} {:?}",
        main,
        main.map(|m| (
            &snap.nodes[m as usize].tag,
            snap.nodes[m as usize].id_class()
        ))
    );
    for b in &x.blocks {
        let kept = x
            .paragraphs
            .iter()
            .any(|p| p.element == b.element && p.text == b.text);
        let inside = main.is_some_and(|m| b.element == m || snap.is_descendant(b.element, m));
        // LEDE_DEBUG_PATH=N: the block's N nearest ancestors as tag.class
        let depth: usize = std::env::var("LEDE_DEBUG_PATH")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        if depth > 0 {
            let path: Vec<String> = snap
                .ancestors(b.element)
                .take(depth)
                .map(|a| {
                    let n = &snap.nodes[a as usize];
                    format!(
                        "{}.{}",
                        n.tag,
                        n.id_class().chars().take(24).collect::<String>()
                    )
                })
                .collect();
            println!("          ^ {}", path.join(" < "));
        }
        println!(
            "{} {} {:>5} {:<10} {}",
            if kept { "K" } else { " " },
            if inside { "i" } else { " " },
            b.element,
            format!(
                "{}.{}",
                snap.nodes[b.element as usize].tag,
                snap.nodes[b.element as usize]
                    .id_class()
                    .chars()
                    .take(20)
                    .collect::<String>()
            ),
            b.text.chars().take(90).collect::<String>()
        );
    }
}
