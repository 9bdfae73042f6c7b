//! The floor the benchmarks compare against: read every `.json` file
//! under a folder and parse it into a `serde_json::Value`, nothing else.
//! No tool that validates these files can be faster than this.
//!
//! usage: cargo run --release --example floor -- DIR

use std::path::Path;

fn walk(dir: &Path, count: &mut usize, bytes: &mut usize) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            walk(&path, count, bytes);
        } else if path.extension().is_some_and(|e| e == "json") {
            let Ok(data) = std::fs::read(&path) else {
                continue;
            };
            if serde_json::from_slice::<serde_json::Value>(&data).is_ok() {
                *count += 1;
                *bytes += data.len();
            }
        }
    }
}

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "data".into());
    let (mut count, mut bytes) = (0, 0);
    walk(Path::new(&dir), &mut count, &mut bytes);
    println!("parsed {count} files, {bytes} bytes");
}
