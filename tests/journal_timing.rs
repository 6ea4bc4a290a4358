//! Native timings of the journal's work at the bench's size (5,000 entries of the shape
//! `scripts/bench-journal.mjs` seeds), to find what a save or an import preview costs
//! outside the browser. Run with `cargo test --release --test journal_timing -- --nocapture`
//! for the figures; the assertions check what each step did, never how long it took (the
//! machine is shared, so times are printed, not tested).

use chrono::NaiveDate;
use mvp_pathway::domain::journal::formats::{parse_backup, plan_import, ImportMode};
use mvp_pathway::domain::journal::query::Filter;
use mvp_pathway::domain::journal::{ActivityType, Entry, Figure, Journal};
use mvp_pathway::storage::{MemoryBackend, Store};
use std::time::Instant;

const AREAS: [&str; 5] = [
    "azure",
    "security",
    "developer-technologies",
    "m365",
    "data-platform",
];

fn bench_entries(n: usize, prefix: &str) -> Vec<Entry> {
    let types = [
        (
            ActivityType::Blog,
            &[Figure::Views, Figure::Subscribers][..],
        ),
        (ActivityType::Podcast, &[Figure::Sessions, Figure::Listens]),
        (
            ActivityType::Video,
            &[Figure::Sessions, Figure::LiveViews, Figure::OnDemandViews],
        ),
        (ActivityType::OpenSource, &[Figure::Views]),
        (ActivityType::Mentorship, &[Figure::Sessions]),
        (
            ActivityType::SpeakerThirdParty,
            &[Figure::Attendees, Figure::Sessions],
        ),
    ];
    let start = NaiveDate::from_ymd_opt(2022, 1, 1).unwrap_or_default();
    (0..n)
        .map(|i| {
            let (kind, figures) = types[i % 6];
            let date = start + chrono::Days::new((i % 1700) as u64);
            let mut e = Entry::new(format!("{prefix}{i}"), kind, date);
            e.title = format!("Contribution number {i} about {} and community", AREAS[i % 5]);
            e.description = format!("A **description** of contribution {i}, with a [link](https://example.org/{i}) and some more words to search through.");
            e.private_notes = if i % 3 == 0 { "private".into() } else { String::new() };
            e.url = Some(format!("https://example.org/{prefix}/{i}"));
            e.areas = vec![AREAS[i % 5].to_string()];
            for f in figures {
                e.figures.set(*f, Some((i as u64 * 37) % 5000));
            }
            e.high_impact = i % 17 == 0;
            e.created_ms = 1_700_000_000_000 + i as i64;
            e.updated_ms = e.created_ms;
            e
        })
        .collect()
}

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1000.0
}

#[test]
fn a_save_and_an_import_preview_cost_what_they_touch() {
    let n = 5_000;
    let mut journal = Journal::from_entries(bench_entries(n, "e"));
    let store = Store::new(MemoryBackend::default());
    let t = Instant::now();
    let changed = journal.take_changed();
    store.save_journal(&journal, changed).unwrap_or_default();
    eprintln!("first save of {n} (every month): {:.1} ms", ms(t));

    // One edit: the form's insert, then the save of its month.
    let mut edited = journal.entries()[0].clone();
    edited.title = "Edited title for the benchmark".into();
    let t = Instant::now();
    journal.insert(edited);
    let insert_ms = ms(t);
    let t = Instant::now();
    let changed = journal.take_changed();
    assert_eq!(changed.len(), 1);
    store.save_journal(&journal, changed).unwrap_or_default();
    let save_ms = ms(t);
    eprintln!("edit: insert {insert_ms:.2} ms, save one month {save_ms:.2} ms");

    let t = Instant::now();
    let selection = Filter::default().select(&journal, NaiveDate::MAX, None);
    eprintln!("select, no filter: {:.2} ms", ms(t));
    assert_eq!(selection.hits.len(), n);

    // The import preview: read the file, plan against the journal.
    let backup = mvp_pathway::domain::journal::formats::export_json(
        &Journal::from_entries(bench_entries(n, "i")),
        NaiveDate::MAX,
    );
    let t = Instant::now();
    let parsed = parse_backup(&backup).unwrap_or_default();
    let parse_ms = ms(t);
    let t = Instant::now();
    let plan = plan_import(&journal, parsed, ImportMode::Merge);
    let plan_ms = ms(t);
    let t = Instant::now();
    let copy = plan.clone();
    let clone_ms = ms(t);
    eprintln!(
        "import preview: parse {parse_ms:.1} ms, plan {plan_ms:.1} ms, one clone of the plan {clone_ms:.1} ms"
    );
    assert_eq!(copy.added.len(), n);
    let t = Instant::now();
    journal.apply_plan(&plan, ImportMode::Merge);
    eprintln!("apply the plan: {:.1} ms", ms(t));
    assert_eq!(journal.len(), 2 * n);
}

#[test]
fn an_edit_of_the_newest_of_20000_entries() {
    let n = 20_000;
    let mut journal = Journal::from_entries(bench_entries(n, "e"));
    journal.take_changed();
    let mut times = Vec::new();
    for round in 0..5 {
        let mut edited = journal.entries()[0].clone();
        edited.title = format!("Edited title {round}");
        let t = Instant::now();
        journal.insert(edited);
        times.push(ms(t));
        assert_eq!(journal.entries()[0].title, format!("Edited title {round}"));
        assert_eq!(journal.len(), n);
        assert_eq!(journal.take_changed().len(), 1);
    }
    eprintln!("edit of the newest of {n}: insert {times:.2?} ms");
}
