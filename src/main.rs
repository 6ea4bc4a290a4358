//! The full app; everything lives in the library. Widgets have their own binary
//! (`src/bin/widget.rs`).

fn main() {
    mvp_pathway::start(mvp_pathway::App);
}
