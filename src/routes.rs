//! Lazy routes: each page's code is split into its own Wasm chunk by the release build
//! (`scripts/build/wasm.sh`), loaded when its route is first opened. With the `eager`
//! feature (wasm-bindgen-test, `trunk serve`) the same routes are plain async views in
//! one module, because `#[lazy]` code built without the splitter cannot run.

use leptos::prelude::*;
use leptos_router::{ChooseView, LazyRoute};
use std::future::Future;
use std::pin::Pin;

/// A lazy page as a route's view: its code and its texts (`text/page-<module>-<lang>.json`,
/// see `i18n`) download side by side, and the page is built when both are there, so it
/// never shows an empty text.
///
/// Not generic over the page: every route's view is this one type, so the router's
/// route-matching code (generic over each route's view) is compiled once instead of once
/// per page, which keeps it out of the main module's size.
#[derive(Clone, Copy)]
pub struct Page {
    module: &'static str,
    view: fn() -> Pin<Box<dyn Future<Output = AnyView>>>,
    preload: fn() -> Pin<Box<dyn Future<Output = ()>>>,
}

/// The page module whose language file a lazy route's view needs (`i18n::Part::Page`).
pub trait PageTexts {
    /// The module's name under `pages`.
    const MODULE: &'static str;
}

impl Page {
    /// The route view for lazy page `T`.
    pub fn of<T: LazyRoute + PageTexts>() -> Self {
        Page {
            module: T::MODULE,
            view: || Box::pin(T::view(T::data())),
            preload: || Box::pin(T::preload()),
        }
    }
}

impl ChooseView for Page {
    async fn choose(self) -> AnyView {
        leptos::task::spawn_local(crate::state::page_texts(self.module));
        (self.preload)().await;
        crate::state::page_texts(self.module).await;
        (self.view)().await
    }

    async fn preload(&self) {
        (self.preload)().await;
    }
}

/// Declares a unit struct whose `LazyRoute` view is `pages::$module::$page`, split into its
/// own chunk unless the `eager` feature is on. Routes use it through [`Page`]. build.rs
/// reads these lines (`Name => module::Page`) to make each module's language file.
macro_rules! lazy_page {
    ($(#[$doc:meta])* $name:ident => $module:ident :: $page:ident) => {
        $(#[$doc])*
        pub struct $name;

        impl PageTexts for $name {
            const MODULE: &'static str = stringify!($module);
        }

        #[cfg(not(feature = "eager"))]
        #[leptos_router::lazy_route]
        impl LazyRoute for $name {
            fn data() -> Self {
                $name
            }

            fn view(this: Self) -> AnyView {
                let _ = this;
                view! { <crate::pages::$module::$page/> }.into_any()
            }
        }

        #[cfg(feature = "eager")]
        impl LazyRoute for $name {
            fn data() -> Self {
                $name
            }

            async fn view(this: Self) -> AnyView {
                let _ = this;
                view! { <crate::pages::$module::$page/> }.into_any()
            }
        }
    };
}

lazy_page!(
    /// `/about`
    AboutRoute => about::About
);
lazy_page!(
    /// `/embed`, the snippet generator.
    EmbedGeneratorRoute => embed::EmbedGenerator
);
lazy_page!(
    /// `/faq` and the FAQ widget.
    FaqRoute => faq::Faq
);
lazy_page!(
    /// `/events`
    EventsRoute => events::Events
);
lazy_page!(
    /// `/explainer/*`.
    ExplainerRoute => explainer::Explainer
);
lazy_page!(
    /// The explainer widget, `/embed/explainer/*`.
    ExplainerWidgetRoute => explainer::ExplainerWidget
);
lazy_page!(
    /// `/checklist` and the checklist widget.
    ChecklistRoute => checklist::ChecklistPage
);
lazy_page!(
    /// `/settings`
    SettingsRoute => settings::SettingsPage
);
lazy_page!(
    /// `/story`
    StoryRoute => story::StoryPage
);
lazy_page!(
    /// `/journal`: the layout around the journal's pages.
    JournalLayoutRoute => journal::JournalLayout
);
lazy_page!(
    /// `/journal`: the entries list.
    JournalEntriesRoute => journal::JournalList
);
lazy_page!(
    /// `/journal/overview`
    JournalOverviewRoute => journal::JournalOverview
);
lazy_page!(
    /// `/journal/data`
    JournalDataRoute => journal::JournalData
);
lazy_page!(
    /// `/journal/new`
    JournalNewRoute => journal::JournalNew
);
lazy_page!(
    /// `/journal/:id/edit`
    JournalEditRoute => journal::JournalEdit
);
lazy_page!(
    /// `/peer/*`: peer feedback links (builder, read-only view, reply).
    PeerRoute => peer::Peer
);

// `every_page`: the widgets' binary (`src/bin/widget.rs`) references it without calling
// it. The splitter leaves a lazy page whose loader nothing references in the main
// module, so without it the widgets' main module would hold every page of the app.
include!(concat!(env!("OUT_DIR"), "/every_page.rs"));
