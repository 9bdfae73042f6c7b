//! Writes a reproducible synthetic corpus for the benchmarks: `--documents
//! N` valid documents shaped like real policy texts (20–40 sections of 1–6
//! paragraphs, paragraphs of 1–3 sentences), official in six languages with
//! their real scripts (zh-Hans, en, fr, es, ar, ru), each with a German
//! translation file, and a catalog describing them all. The same `--seed`
//! gives the same bytes.
//!
//! usage: cargo run --release --example corpus -- --documents 1000 --seed 1 --out DIR

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde_json::{Map, Value, json};

/// A small, fast, seeded generator (xorshift64*): reproducible, and enough
/// for shaping text.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n.max(1) as u64).unwrap_or(0)
    }

    fn between(&mut self, low: usize, high: usize) -> usize {
        low + self.below(high - low + 1)
    }
}

const LANGUAGES: [&str; 6] = ["zh-Hans", "en", "fr", "es", "ar", "ru"];

/// The words each language's text is made of, by language; any other
/// language reads as Chinese.
const WORDS: [(&str, [&str; 20]); 7] = [
    (
        "en",
        [
            "education",
            "digital",
            "learning",
            "teachers",
            "students",
            "global",
            "cooperation",
            "artificial",
            "intelligence",
            "innovation",
            "platform",
            "resources",
            "equity",
            "quality",
            "development",
            "governance",
            "research",
            "capacity",
            "society",
            "future",
        ],
    ),
    (
        "fr",
        [
            "éducation",
            "numérique",
            "apprentissage",
            "enseignants",
            "élèves",
            "mondial",
            "coopération",
            "intelligence",
            "artificielle",
            "innovation",
            "plateforme",
            "ressources",
            "équité",
            "qualité",
            "développement",
            "gouvernance",
            "recherche",
            "capacités",
            "société",
            "avenir",
        ],
    ),
    (
        "de",
        [
            "Bildung",
            "digital",
            "Lernen",
            "Lehrkräfte",
            "Schüler",
            "global",
            "Zusammenarbeit",
            "künstliche",
            "Intelligenz",
            "Innovation",
            "Plattform",
            "Ressourcen",
            "Gerechtigkeit",
            "Qualität",
            "Entwicklung",
            "Steuerung",
            "Forschung",
            "Fähigkeiten",
            "Gesellschaft",
            "Zukunft",
        ],
    ),
    (
        "es",
        [
            "educación",
            "digital",
            "aprendizaje",
            "docentes",
            "estudiantes",
            "mundial",
            "cooperación",
            "inteligencia",
            "artificial",
            "innovación",
            "plataforma",
            "recursos",
            "equidad",
            "calidad",
            "desarrollo",
            "gobernanza",
            "investigación",
            "capacidad",
            "sociedad",
            "futuro",
        ],
    ),
    (
        "ar",
        [
            "التعليم",
            "الرقمي",
            "التعلم",
            "المعلمون",
            "الطلاب",
            "العالمي",
            "التعاون",
            "الذكاء",
            "الاصطناعي",
            "الابتكار",
            "المنصة",
            "الموارد",
            "الإنصاف",
            "الجودة",
            "التنمية",
            "الحوكمة",
            "البحث",
            "القدرات",
            "المجتمع",
            "المستقبل",
        ],
    ),
    (
        "ru",
        [
            "образование",
            "цифровой",
            "обучение",
            "учителя",
            "учащиеся",
            "глобальный",
            "сотрудничество",
            "искусственный",
            "интеллект",
            "инновации",
            "платформа",
            "ресурсы",
            "равенство",
            "качество",
            "развитие",
            "управление",
            "исследования",
            "потенциал",
            "общество",
            "будущее",
        ],
    ),
    (
        "zh-Hans",
        [
            "教育", "数字", "学习", "教师", "学生", "全球", "合作", "人工", "智能", "创新", "平台",
            "资源", "公平", "质量", "发展", "治理", "研究", "能力", "社会", "未来",
        ],
    ),
];

fn words(language: &str) -> &'static [&'static str] {
    WORDS
        .iter()
        .find(|(code, _)| *code == language)
        .or(WORDS.last())
        .map_or(&[], |(_, list)| list)
}

/// A paragraph: the same sentence plan (word picks, lengths, numbers) in
/// every language, so translations line up.
fn paragraph(plan: &[(Vec<usize>, Option<u32>)], language: &str) -> String {
    let list = words(language);
    let cjk = language == "zh-Hans";
    let mut text = String::new();
    for (picks, number) in plan {
        let mut sentence: Vec<String> = picks
            .iter()
            .map(|i| {
                list.get(*i % list.len())
                    .copied()
                    .unwrap_or_default()
                    .to_owned()
            })
            .collect();
        if let Some(n) = number {
            sentence.insert(sentence.len() / 2, n.to_string());
        }
        if cjk {
            let _ = write!(text, "{}。", sentence.concat());
        } else {
            if !text.is_empty() {
                text.push(' ');
            }
            let mut s = sentence.join(" ");
            if let Some(first) = s.get(..1).filter(|f| f.is_ascii()) {
                let upper = first.to_ascii_uppercase();
                s.replace_range(..1, &upper);
            }
            s.push('.');
            text.push_str(&s);
        }
    }
    text
}

fn plan(rng: &mut Rng) -> Vec<(Vec<usize>, Option<u32>)> {
    (0..rng.between(1, 3))
        .map(|_| {
            let picks = (0..rng.between(6, 14)).map(|_| rng.below(20)).collect();
            let number =
                (rng.below(4) == 0).then(|| 2000 + u32::try_from(rng.below(50)).unwrap_or(0));
            (picks, number)
        })
        .collect()
}

fn texts(plan: &[(Vec<usize>, Option<u32>)], languages: &[&str]) -> Value {
    let map: Map<String, Value> = languages
        .iter()
        .map(|l| ((*l).to_owned(), json!(paragraph(plan, l))))
        .collect();
    Value::Object(map)
}

fn heading(rng: &mut Rng) -> Vec<(Vec<usize>, Option<u32>)> {
    vec![(
        (0..rng.between(4, 9)).map(|_| rng.below(20)).collect(),
        None,
    )]
}

type Plan = Vec<(Vec<usize>, Option<u32>)>;

/// The German translation units, filled as the document's texts are made.
#[derive(Default)]
struct Units(Map<String, Value>);

impl Units {
    /// The texts of unit `id` in every official language, its German
    /// translation recorded.
    fn unit(&mut self, id: &str, plan: &[(Vec<usize>, Option<u32>)]) -> Value {
        self.0.insert(
            id.to_owned(),
            json!({ "source": paragraph(plan, "en"), "translation": paragraph(plan, "de") }),
        );
        texts(plan, &LANGUAGES)
    }

    fn paragraphs(&mut self, rng: &mut Rng, prefix: &str, count: usize) -> Vec<Value> {
        (1..=count)
            .map(|n| {
                let id = format!("{prefix}__para_{n}");
                let p: Plan = plan(rng);
                json!({ "id": id, "text": self.unit(&id, &p) })
            })
            .collect()
    }

    fn sections(&mut self, rng: &mut Rng) -> Vec<Value> {
        (1..=rng.between(20, 40))
            .map(|s| {
                let h = heading(rng);
                let heading = self.unit(&format!("sec_{s}__heading"), &h);
                let count = rng.between(1, 6);
                let paragraphs = self.paragraphs(rng, &format!("sec_{s}"), count);
                json!({ "id": format!("sec_{s}"), "number": s, "heading": heading, "paragraphs": paragraphs })
            })
            .collect()
    }
}

fn document(id: &str, rng: &mut Rng) -> (Value, Value) {
    let mut units = Units::default();
    let title_plan = heading(rng);
    let title = units.unit("title", &title_plan);
    let count = rng.between(1, 3);
    let preamble = units.paragraphs(rng, "preamble", count);
    let sections = units.sections(rng);
    let name = texts(&heading(rng), &LANGUAGES);
    let document = json!({
        "$schema": "../../schema/initiative.schema.json",
        "id": id,
        "kind": "declaration",
        "languages": LANGUAGES,
        "title": title,
        "adopted": "2026-05-12",
        "place": { "name": name, "country": "CN" },
        "issuer": "conference",
        "publication": {
            "published_at": "2026-05-12T22:39:00+08:00",
            "channel": { "en": "web" },
            "headline": { "en": "Published" },
        },
        "preamble": preamble,
        "sections": sections,
        "references": [{
            "id": "conference",
            "kind": "event",
            "name": texts(&heading(rng), &LANGUAGES),
            "cited_by": ["sec_1__para_1"],
        }],
    });
    let translation = json!({
        "$schema": "../../../schema/translation.schema.json",
        "document": id,
        "language": "de",
        "pivot": "en",
        "status": "reviewed",
        "translators": [{ "name": "Benchmark", "role": "translation" }],
        "units": units.0,
    });
    (document, translation)
}

fn write(path: &Path, value: &Value) {
    if let Some(parent) = path.parent() {
        let _ = std::fs::create_dir_all(parent);
    }
    let mut bytes = serde_json::to_vec_pretty(value).unwrap_or_default();
    bytes.push(b'\n');
    if let Err(e) = std::fs::write(path, bytes) {
        eprintln!("cannot write {}: {e}", path.display());
        std::process::exit(2);
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let value = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let count: usize = value("--documents")
        .and_then(|v| v.parse().ok())
        .unwrap_or(100);
    let seed: u64 = value("--seed").and_then(|v| v.parse().ok()).unwrap_or(1);
    let out = PathBuf::from(value("--out").unwrap_or_else(|| "corpus".into()));
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let mut datasets = Vec::new();
    for n in 0..count {
        let id = format!("doc-{n:05}");
        let (document, translation) = document(&id, &mut rng);
        write(&out.join("data").join(&id).join("document.json"), &document);
        write(
            &out.join("data").join(&id).join("translations/de.json"),
            &translation,
        );
        datasets.push(json!({
            "document": id,
            "description": texts(&heading(&mut rng), &LANGUAGES),
        }));
    }
    let catalog = json!({
        "$schema": "../schema/catalog.schema.json",
        "base_iri": "https://data.example.net/corpus/",
        "landing_page": "https://data.example.net/corpus/",
        "title": { "en": "Benchmark corpus" },
        "description": { "en": "Synthetic documents for benchmarks." },
        "publisher": { "iri": "https://data.example.net/publisher", "name": { "en": "Benchmark" } },
        "contact_point": { "name": { "en": "Benchmark" }, "email": "bench@data.example.net" },
        "license": "http://publications.europa.eu/resource/authority/licence/CC_BY_4_0",
        "themes": ["EDUC"],
        "datasets": datasets,
    });
    write(&out.join("data/catalog.json"), &catalog);
    println!("wrote {count} documents to {}", out.display());
}
