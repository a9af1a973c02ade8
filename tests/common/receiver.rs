//! A real HTTP receiver of webhook deliveries on a loopback port: it keeps what arrives
//! and answers with the statuses it is told (200 once they run out). Every body is checked
//! against the schema its event type publishes in the document: a test that reads what
//! arrived fails on a body that drifted from it.

use std::{
    collections::{HashMap, VecDeque},
    sync::{Arc, Mutex},
};

use hmac::{Hmac, Mac};
use serde_json::Value;
use sha2::Sha256;
use tokio::{
    io::{AsyncReadExt, AsyncWriteExt},
    net::{TcpListener, TcpStream},
};

/// One request as it arrived.
#[derive(Debug, Clone)]
pub struct Received {
    pub path: String,
    pub headers: HashMap<String, String>,
    pub body: Vec<u8>,
}

impl Received {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).expect("a JSON body")
    }

    pub fn header(&self, name: &str) -> &str {
        self.headers.get(name).map(String::as_str).unwrap_or_else(|| panic!("no {name} header"))
    }

    /// Whether some `v1=` of `Keyport-Signature` is the HMAC of `t.body` under `secret`,
    /// computed here independently of the service.
    pub fn signed_with(&self, secret: &str) -> bool {
        let header = self.header("keyport-signature");
        let t = header.split(',').find_map(|p| p.strip_prefix("t=")).expect("a timestamp");
        let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).unwrap();
        mac.update(t.as_bytes());
        mac.update(b".");
        mac.update(&self.body);
        let expected = hex::encode(mac.finalize().into_bytes());
        header.split(',').filter_map(|p| p.strip_prefix("v1=")).any(|v| v == expected)
    }

    pub fn signatures(&self) -> usize {
        self.header("keyport-signature").matches("v1=").count()
    }
}

#[derive(Clone)]
pub struct Receiver {
    pub base: String,
    received: Arc<Mutex<Vec<Received>>>,
    answers: Arc<Mutex<VecDeque<u16>>>,
}

impl Receiver {
    pub async fn start() -> Receiver {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let receiver = Receiver { base, received: Arc::default(), answers: Arc::new(Mutex::new(VecDeque::new())) };
        let serving = receiver.clone();
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let serving = serving.clone();
                tokio::spawn(async move { serving.serve(stream).await });
            }
        });
        receiver
    }

    /// The URL of `path` on this receiver.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// The next requests are answered with these statuses, in order.
    pub fn answer_with(&self, statuses: &[u16]) {
        self.answers.lock().unwrap().extend(statuses);
    }

    #[track_caller]
    pub fn received(&self) -> Vec<Received> {
        let received = self.received.lock().unwrap().clone();
        for delivery in &received {
            let findings = super::schema::delivery_findings(&delivery.json());
            assert!(
                findings.is_empty(),
                "a delivery differs from its published schema: {findings:?}\n{}",
                String::from_utf8_lossy(&delivery.body)
            );
        }
        received
    }

    async fn serve(&self, mut stream: TcpStream) {
        let mut buffer = Vec::new();
        let mut chunk = [0u8; 8192];
        let head_end = loop {
            if let Some(i) = buffer.windows(4).position(|w| w == b"\r\n\r\n") {
                break i + 4;
            }
            match stream.read(&mut chunk).await {
                Ok(0) | Err(_) => return,
                Ok(n) => buffer.extend_from_slice(&chunk[..n]),
            }
        };
        let head = String::from_utf8_lossy(&buffer[..head_end]).to_string();
        let mut lines = head.split("\r\n");
        let path = lines.next().unwrap_or("").split(' ').nth(1).unwrap_or("").to_string();
        let headers: HashMap<String, String> = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
            .collect();
        let length: usize = headers.get("content-length").and_then(|v| v.parse().ok()).unwrap_or(0);
        while buffer.len() < head_end + length {
            match stream.read(&mut chunk).await {
                Ok(0) | Err(_) => return,
                Ok(n) => buffer.extend_from_slice(&chunk[..n]),
            }
        }
        let body = buffer[head_end..head_end + length].to_vec();
        let status = self.answers.lock().unwrap().pop_front().unwrap_or(200);
        self.received.lock().unwrap().push(Received { path, headers, body });
        let reply = format!("HTTP/1.1 {status} Answer\r\ncontent-length: 2\r\nconnection: close\r\n\r\nok");
        let _ = stream.write_all(reply.as_bytes()).await;
        let _ = stream.shutdown().await;
    }
}
