# getaddrinfo/gethostbyname/gethostname and the address conversion helpers.
import socket

print(socket.getaddrinfo("127.0.0.1", 80, socket.AF_INET, socket.SOCK_STREAM))
print(socket.getaddrinfo("127.0.0.1", "80", socket.AF_INET, socket.SOCK_DGRAM))
print(socket.getaddrinfo(None, 0, socket.AF_INET, socket.SOCK_STREAM, 0, socket.AI_PASSIVE))
print(socket.getaddrinfo("::1", 8080, socket.AF_INET6, socket.SOCK_STREAM))
print(socket.getaddrinfo("127.0.0.1", None, socket.AF_INET, socket.SOCK_STREAM))
print(socket.gethostbyname("127.0.0.1"), socket.gethostbyname("localhost"))
print(type(socket.gethostname()).__name__, len(socket.gethostname()) > 0)
print(socket.inet_aton("1.2.3.4"), socket.inet_ntoa(b"\x7f\x00\x00\x01"))
print(socket.inet_pton(socket.AF_INET6, "::1"), socket.inet_ntop(socket.AF_INET6, b"\x00" * 15 + b"\x01"))
print(socket.inet_pton(socket.AF_INET, "10.0.0.1"), socket.inet_ntop(socket.AF_INET, b"\n\x00\x00\x01"))
print(socket.htons(1), socket.ntohs(256), socket.htonl(1), socket.ntohl(16777216))
for f in (lambda: socket.inet_aton("999.1.1.1"), lambda: socket.inet_ntoa(b"abc"),
          lambda: socket.inet_pton(socket.AF_INET, "x"), lambda: socket.htons(-1)):
    try:
        f()
    except (OSError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
print(socket.AF_INET, socket.AF_INET6, socket.AF_UNIX, socket.SOCK_STREAM, socket.SOCK_DGRAM)
print(socket.SOL_SOCKET, socket.SO_REUSEADDR, socket.IPPROTO_TCP, socket.TCP_NODELAY)
print(socket.AddressFamily.AF_INET, socket.SocketKind(2))
s6 = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
s6.bind(("::1", 0))
print(s6.getsockname()[0], len(s6.getsockname()), s6.family)
s6.close()
