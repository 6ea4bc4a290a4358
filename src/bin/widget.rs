//! The embedded widgets (`/embed/<widget>`) as their own binary, so that a community
//! site's visitors download no shell or route table of the full app: `index.html` loads
//! this binary's modules (`pkg-<hash>/widget/`) for widget pages. Debug builds have none
//! and show widgets from the full app.

fn main() {
    // Never true, but the compiler cannot know: the full app's lazy pages stay referenced,
    // so the splitter moves each into its own module instead of leaving them all in this
    // binary's main module (see `routes::every_page`).
    if std::hint::black_box(false) {
        std::hint::black_box(mvp_pathway::routes::every_page());
        // And the full app's service worker code (the widgets have none), for the same
        // reason: 1.5 KB of this binary's main module otherwise.
        let worker: std::pin::Pin<Box<dyn std::future::Future<Output = ()>>> =
            Box::pin(mvp_pathway::pwa::worker_chunk());
        drop(std::hint::black_box(worker));
    }
    mvp_pathway::start(mvp_pathway::WidgetApp);
}
