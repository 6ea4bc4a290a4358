//! The full app; everything lives in the library. Widgets have their own binary
//! (`src/bin/widget.rs`).

use leptos::prelude::AnyView;
use leptos_router::LazyRoute;
use mvp_pathway::routes::ExplainerWidgetRoute;
use std::future::Future;
use std::pin::Pin;

fn main() {
    // Never true, but the compiler cannot know: the one page only the widgets route to
    // stays referenced, so the splitter moves it into its own module instead of leaving it
    // (and the explainer's code it shares) in this binary's main module. The same trick as
    // the widgets' binary, for one page instead of every page.
    if std::hint::black_box(false) {
        let page: Pin<Box<dyn Future<Output = AnyView>>> =
            Box::pin(ExplainerWidgetRoute::view(ExplainerWidgetRoute));
        drop(std::hint::black_box(page));
    }
    mvp_pathway::start(mvp_pathway::App);
}
