export declare const API_VERSION = "2026-12-06";
