//! Lazy routes: each page's code is split into its own Wasm chunk by the release build
//! (`scripts/build/wasm.sh`), loaded when its route is first opened. With the `eager`
//! feature (wasm-bindgen-test, `trunk serve`) the same routes are plain async views in
//! one module, because `#[lazy]` code built without the splitter cannot run.

use leptos::prelude::*;
use leptos_router::{ChooseView, Lazy, LazyRoute};

/// A lazy page as a route's view: its code and the rest of the language's texts
/// (`text/more-<lang>.json`, see `i18n`) download side by side, and the page is built
/// when both are there, so it never shows an empty text.
pub struct Page<T>(Lazy<T>);

impl<T> Page<T> {
    /// The route view for lazy page `T`.
    pub fn new() -> Self {
        Page(Lazy::new())
    }
}

impl<T> Default for Page<T> {
    fn default() -> Self {
        Page::new()
    }
}

impl<T> Clone for Page<T> {
    fn clone(&self) -> Self {
        Page(self.0.clone())
    }
}

impl<T: Send + Sync + LazyRoute> ChooseView for Page<T> {
    async fn choose(self) -> AnyView {
        leptos::task::spawn_local(crate::state::more_texts());
        self.0.preload().await;
        crate::state::more_texts().await;
        self.0.choose().await
    }

    async fn preload(&self) {
        self.0.preload().await;
    }
}

/// Declares a unit struct whose `LazyRoute` view is `$page`, split into its own chunk
/// unless the `eager` feature is on. Routes use it through [`Page`].
macro_rules! lazy_page {
    ($(#[$doc:meta])* $name:ident => $page:path) => {
        $(#[$doc])*
        pub struct $name;

        #[cfg(not(feature = "eager"))]
        #[leptos_router::lazy_route]
        impl LazyRoute for $name {
            fn data() -> Self {
                $name
            }

            fn view(this: Self) -> AnyView {
                let _ = this;
                view! { <$page/> }.into_any()
            }
        }

        #[cfg(feature = "eager")]
        impl LazyRoute for $name {
            fn data() -> Self {
                $name
            }

            async fn view(this: Self) -> AnyView {
                let _ = this;
                view! { <$page/> }.into_any()
            }
        }
    };
}

lazy_page!(
    /// `/about`
    AboutRoute => crate::pages::about::About
);
lazy_page!(
    /// `/embed`, the snippet generator.
    EmbedGeneratorRoute => crate::pages::embed::EmbedGenerator
);
lazy_page!(
    /// `/faq` and the FAQ widget.
    FaqRoute => crate::pages::faq::Faq
);
lazy_page!(
    /// `/events`
    EventsRoute => crate::pages::events::Events
);
lazy_page!(
    /// `/explainer/*` and the explainer widget.
    ExplainerRoute => crate::pages::explainer::Explainer
);
lazy_page!(
    /// `/checklist` and the checklist widget.
    ChecklistRoute => crate::pages::checklist::ChecklistPage
);
lazy_page!(
    /// `/settings`
    SettingsRoute => crate::pages::settings::SettingsPage
);
lazy_page!(
    /// `/story`
    StoryRoute => crate::pages::story::StoryPage
);
lazy_page!(
    /// `/journal`: the layout around the journal's pages.
    JournalLayoutRoute => crate::pages::journal::JournalLayout
);
lazy_page!(
    /// `/journal`: the entries list.
    JournalEntriesRoute => crate::pages::journal::JournalEntries
);
lazy_page!(
    /// `/journal/overview`
    JournalOverviewRoute => crate::pages::journal::JournalOverview
);
lazy_page!(
    /// `/journal/data`
    JournalDataRoute => crate::pages::journal::JournalData
);
lazy_page!(
    /// `/journal/new`
    JournalNewRoute => crate::pages::journal::JournalNew
);
lazy_page!(
    /// `/journal/:id/edit`
    JournalEditRoute => crate::pages::journal::JournalEdit
);
lazy_page!(
    /// `/peer/*`: peer feedback links (builder, read-only view, reply).
    PeerRoute => crate::pages::peer::Peer
);
