// BotNet: the HTTP client (URLSession with timeouts and retries), a small HTTP/1.1 server, an SMTP
// client and an S3 client with AWS Signature V4. No trading knowledge lives here.
