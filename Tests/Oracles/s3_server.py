#!/usr/bin/env python3
"""A moto S3 server on 127.0.0.1 for the S3 client tests, with signature checking on.

usage: s3_server.py BUCKET

Starts moto's ThreadedMotoServer on a free port with IAM authentication enabled
(INITIAL_NO_AUTH_ACTION_COUNT), creates an IAM user allowed s3:*, an access key for it and BUCKET,
then prints "READY <port> <access-key-id> <secret-access-key>" (moto-generated test keys). Every
later request must carry a valid SigV4 signature: a wrong secret gets 403 SignatureDoesNotMatch.

Commands, one JSON object per stdin line, one JSON answer per stdout line:
  {"op": "get", "bucket": B, "key": K} -> {"size", "sha256", "metadata", "content_type", "etag"}
                                          read back with boto3, or {"error": code}
Exits when stdin closes or after a 120 s watchdog.
"""
import hashlib
import json
import os
import sys
import threading

# Must be set before moto reads its settings: the first 4 requests (the IAM set-up and the bucket)
# go unauthenticated, every later one is checked.
os.environ["INITIAL_NO_AUTH_ACTION_COUNT"] = "4"
os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")

import boto3  # noqa: E402
from botocore.exceptions import ClientError  # noqa: E402
from moto.server import ThreadedMotoServer  # noqa: E402

WATCHDOG_SECONDS = 120
REGION = "us-east-1"


def main():
    bucket = sys.argv[1]
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    _, port = server.get_host_and_port()
    url = f"http://127.0.0.1:{port}"

    bootstrap = dict(endpoint_url=url, region_name=REGION, aws_access_key_id="bootstrap",
                     aws_secret_access_key="bootstrap")
    iam = boto3.client("iam", **bootstrap)
    iam.create_user(UserName="botcore")
    iam.put_user_policy(UserName="botcore", PolicyName="s3", PolicyDocument=json.dumps({
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}],
    }))
    key = iam.create_access_key(UserName="botcore")["AccessKey"]
    s3 = boto3.client("s3", endpoint_url=url, region_name=REGION, aws_access_key_id=key["AccessKeyId"],
                      aws_secret_access_key=key["SecretAccessKey"])
    s3.create_bucket(Bucket=bucket)

    timer = threading.Timer(WATCHDOG_SECONDS, lambda: os._exit(3))
    timer.daemon = True
    timer.start()
    print(f"READY {port} {key['AccessKeyId']} {key['SecretAccessKey']}", flush=True)

    for line in sys.stdin:
        if not line.strip():
            continue
        command = json.loads(line)
        if command["op"] == "get":
            try:
                obj = s3.get_object(Bucket=command["bucket"], Key=command["key"])
                data = obj["Body"].read()
                answer = {
                    "size": len(data),
                    "sha256": hashlib.sha256(data).hexdigest(),
                    "metadata": obj.get("Metadata", {}),
                    "content_type": obj.get("ContentType"),
                    "etag": obj.get("ETag", "").strip('"'),
                }
            except ClientError as error:
                answer = {"error": error.response["Error"]["Code"]}
        else:
            answer = {"error": f"unknown op {command['op']}"}
        print(json.dumps(answer), flush=True)
    server.stop()
    # moto's server threads are not daemons everywhere; leave without waiting for them.
    os._exit(0)


if __name__ == "__main__":
    main()
