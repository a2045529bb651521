"""A tiny WSGI app for tests/test_login_flood.py's real-gunicorn tarpit test: /hold asks
the worker to hold the connection (config/gunicorn_worker.py) and says whether it will."""


def app(environ, start_response):
    body = b"ok"
    if environ["PATH_INFO"] == "/hold":
        offer = environ.get("thidua.tarpit")
        body = b"held" if offer is not None and offer(1.5) else b"not held"
    start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", str(len(body)))])
    return [body]
