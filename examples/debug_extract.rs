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
