//! Compression with the browser's own `CompressionStream` / `DecompressionStream`
//! (deflate-raw), so that no compression library enters the Wasm. Bound by hand: web-sys
//! marks these classes unstable.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = CompressionStream)]
    type JsCompressionStream;
    #[wasm_bindgen(constructor, js_class = "CompressionStream", catch)]
    fn new(format: &str) -> Result<JsCompressionStream, JsValue>;
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = DecompressionStream)]
    type JsDecompressionStream;
    #[wasm_bindgen(constructor, js_class = "DecompressionStream", catch)]
    fn new(format: &str) -> Result<JsDecompressionStream, JsValue>;
}

/// Why (de)compression failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodecError {
    /// The browser has no CompressionStream.
    Unsupported,
    /// The output grew past the limit (reading stopped there).
    TooLarge,
    /// The input is not valid compressed data.
    Corrupt,
}

/// Runs `bytes` through `transform` and reads at most `max` bytes of output.
async fn pipe(bytes: &[u8], transform: &JsValue, max: usize) -> Result<Vec<u8>, CodecError> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let blob =
        web_sys::Blob::new_with_u8_array_sequence(&parts).map_err(|_| CodecError::Unsupported)?;
    let output = blob
        .stream()
        .pipe_through(transform.unchecked_ref::<web_sys::ReadableWritablePair>());
    let reader: web_sys::ReadableStreamDefaultReader = output.get_reader().unchecked_into();
    let mut out = Vec::new();
    loop {
        let step = JsFuture::from(reader.read())
            .await
            .map_err(|_| CodecError::Corrupt)?;
        let done = js_sys::Reflect::get(&step, &"done".into())
            .map(|d| d.is_truthy())
            .unwrap_or(true);
        if done {
            return Ok(out);
        }
        let value =
            js_sys::Reflect::get(&step, &"value".into()).map_err(|_| CodecError::Corrupt)?;
        let chunk: js_sys::Uint8Array = value.dyn_into().map_err(|_| CodecError::Corrupt)?;
        if out.len() + chunk.length() as usize > max {
            let _ = reader.cancel();
            return Err(CodecError::TooLarge);
        }
        out.extend_from_slice(&chunk.to_vec());
    }
}

/// `bytes` compressed as deflate-raw.
pub async fn deflate(bytes: &[u8]) -> Result<Vec<u8>, CodecError> {
    let stream = JsCompressionStream::new("deflate-raw").map_err(|_| CodecError::Unsupported)?;
    pipe(bytes, &stream, usize::MAX).await
}

/// `bytes` decompressed from deflate-raw, refusing output longer than `max` bytes.
pub async fn inflate(bytes: &[u8], max: usize) -> Result<Vec<u8>, CodecError> {
    let stream = JsDecompressionStream::new("deflate-raw").map_err(|_| CodecError::Unsupported)?;
    pipe(bytes, &stream, max).await
}
