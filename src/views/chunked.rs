//! Big answers written as they are sent (a 100,000-key batch, a tenant's user export): a
//! head, the items a chunk at a time, a tail — so the answer is never one string in memory,
//! only the items it is made from and the chunk being sent.

use std::convert::Infallible;

use actix_web::web::Bytes;
use futures_util::Stream;

/// Items written per chunk (about 64 KB of product keys).
const PER_CHUNK: usize = 2048;

/// `head`, then each item as `write` writes it, `separator` between them, then `tail`.
pub fn body<T: 'static>(
    head: Vec<u8>,
    items: Vec<T>,
    separator: &'static [u8],
    tail: &'static [u8],
    mut write: impl FnMut(&T, &mut Vec<u8>) + 'static,
) -> impl Stream<Item = Result<Bytes, Infallible>> + 'static {
    let mut items = items.into_iter();
    let (mut head, mut tail, mut first) = (Some(head), Some(tail), true);
    futures_util::stream::iter(std::iter::from_fn(move || {
        let mut chunk = head.take().unwrap_or_default();
        for item in items.by_ref().take(PER_CHUNK) {
            if !first {
                chunk.extend_from_slice(separator);
            }
            first = false;
            write(&item, &mut chunk);
        }
        if items.len() == 0
            && let Some(tail) = tail.take()
        {
            chunk.extend_from_slice(tail);
        }
        (!chunk.is_empty()).then(|| Ok(Bytes::from(chunk)))
    }))
}

#[cfg(test)]
mod tests {
    use futures_util::StreamExt;

    async fn collected(items: Vec<u32>) -> String {
        let chunks: Vec<_> =
            super::body(b"[".to_vec(), items, b",", b"]", |n, out| out.extend(n.to_string().bytes())).collect().await;
        chunks.into_iter().map(|c| String::from_utf8(c.unwrap().to_vec()).unwrap()).collect()
    }

    #[actix_web::test]
    async fn the_chunks_make_the_whole() {
        assert_eq!(collected(vec![]).await, "[]");
        assert_eq!(collected(vec![7]).await, "[7]");
        let many: Vec<u32> = (0..5000).collect();
        let whole = format!("[{}]", many.iter().map(u32::to_string).collect::<Vec<_>>().join(","));
        assert_eq!(collected(many).await, whole);
    }
}
