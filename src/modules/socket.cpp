// The `_socket` module: BSD sockets (CPython's Modules/socketmodule.c, POSIX only).
//
// `_socket.socket` is a C++ type holding the descriptor, family, type, proto and timeout; the
// Python layer (lib/socket.py) subclasses it as CPython's socket.py does (repr, makefile,
// accept returning socket objects, create_connection/create_server, enums).
//
// Blocking and timeouts follow CPython's sock_call():
//  - timeout < 0 (blocking mode): the system call itself blocks, outside the GIL
//    (os_syscalls.h blocking_call: BlockingSection + EINTR retry after running signal handlers);
//  - timeout == 0 (non-blocking mode): the call is made once; EAGAIN -> BlockingIOError;
//  - timeout > 0: the descriptor is O_NONBLOCK; poll() waits (outside the GIL) for readiness with
//    the remaining time, then the call is retried; when the deadline passes ->
//    TimeoutError("timed out").
// Every call touching the descriptor goes through sock_call, so a closed socket (fd -1) gives
// "[Errno 9] Bad file descriptor" from the kernel, as in CPython.
// Errors are OSError subclasses chosen from errno (err_set_from_errno); name resolution errors
// are socket.gaierror (errno = EAI_* code, strerror = gai_strerror).
// sendmsg/recvmsg/recvmsg_into carry ancillary data (SCM_RIGHTS descriptor passing, used by
// multiprocessing.reduction and socket.send_fds/recv_fds); see the section above their code.
#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cmath>
#include <cstring>
#include <memory>
#include <string>

#include "core/abstract.h"
#include "core/args.h"
#include "core/error.h"
#include "modules/modules.h"
#include "modules/os_syscalls.h"
#include "objects/bytesobject.h"
#include "objects/containers.h"
#include "objects/exceptions.h"
#include "objects/floatobject.h"
#include "objects/intobject.h"
#include "objects/memoryobject.h"
#include "objects/moduleobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"
#include "vm/import.h"

namespace gilpy {

namespace {

TypeObject SocketType;
Object* g_gaierror = nullptr;  // socket.gaierror (OSError subclass)
Object* g_herror = nullptr;    // socket.herror
double g_default_timeout = -1.0;

struct SocketObject : Object {
  int fd;
  int family;
  int type;
  int proto;
  double timeout;  // < 0: blocking (None)
};

SocketObject* as_sock(Object* o) { return static_cast<SocketObject*>(o); }

double monotonic_now() {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}

Object* raise_errno_exc() { return err_set_from_errno(&Exc_OSError); }

Object* raise_timeout() { return err_format(&Exc_TimeoutError, "timed out"); }

Object* raise_gai(int code) {
  if (code == EAI_SYSTEM) return raise_errno_exc();
  Ref num = Ref::steal(int_from_i64(code));
  Ref msg = Ref::steal(str_from_cstr(gai_strerror(code)));
  if (!num || !msg) return nullptr;
  Ref exc = Ref::steal(call2(g_gaierror, num.get(), msg.get()));
  if (exc) err_set_object(exc.get());
  return nullptr;
}

bool set_nonblocking(int fd, bool nonblock) {
  int flags = ::fcntl(fd, F_GETFL, 0);
  if (flags < 0) return false;
  int nf = nonblock ? (flags | O_NONBLOCK) : (flags & ~O_NONBLOCK);
  if (nf != flags && ::fcntl(fd, F_SETFL, nf) < 0) return false;
  return true;
}

// Wait (outside the GIL) until fd is readable/writable or `timeout` seconds pass.
// Returns 1 ready, 0 timed out, -1 error (errno set; EINTR handled by the caller).
int wait_fd(int fd, bool writing, double timeout) {
  if (fd < 0) return 1;
  struct pollfd p;
  p.fd = fd;
  p.events = writing ? POLLOUT : POLLIN;
  p.revents = 0;
  int ms = timeout < 0 ? -1 : int(std::ceil(timeout * 1000.0));
  int r;
  {
    BlockingSection section;
    r = ::poll(&p, 1, ms);
  }
  return r < 0 ? -1 : (r == 0 ? 0 : 1);
}

// CPython's sock_call_ex: run `f` (a system call returning < 0 with errno on failure) honouring
// the socket's timeout. Returns the call's result; on failure returns -1 with a Python exception
// set (TimeoutError, the errno exception, or a signal handler's exception).
template <class F>
ssize_t sock_call(SocketObject* s, bool writing, F f) {
  double timeout = s->timeout;
  double deadline = timeout > 0 ? monotonic_now() + timeout : 0;
  bool waited = false;
  for (;;) {
    if (timeout > 0 && waited) {
      double remaining = deadline - monotonic_now();
      if (remaining <= 0) {
        raise_timeout();
        return -1;
      }
      int w = wait_fd(s->fd, writing, remaining);
      if (w < 0) {
        if (errno == EINTR) {
          if (check_signals() < 0) return -1;
          continue;
        }
        raise_errno_exc();
        return -1;
      }
      if (w == 0) {
        raise_timeout();
        return -1;
      }
    }
    ssize_t r;
    if (timeout < 0) {
      BlockingSection section;
      r = f();
    } else {
      r = f();  // the descriptor is non-blocking: the call returns at once
    }
    if (r >= 0) return r;
    if (errno == EINTR) {
      if (check_signals() < 0) return -1;
      continue;
    }
    if (timeout > 0 && (errno == EWOULDBLOCK || errno == EAGAIN)) {
      waited = true;
      continue;
    }
    raise_errno_exc();
    return -1;
  }
}

// ---- addresses ----------------------------------------------------------------------------------

union SockAddr {
  struct sockaddr sa;
  struct sockaddr_in in4;
  struct sockaddr_in6 in6;
  struct sockaddr_un un;
  struct sockaddr_storage storage;
};

// Resolve `name` for `family` into `addr` (CPython's setipaddr).
bool set_ip_addr(const std::string& name, int family, SockAddr* addr, socklen_t* len) {
  if (name.empty()) {
    // INADDR_ANY / in6addr_any
    if (family == AF_INET6) {
      std::memset(&addr->in6, 0, sizeof addr->in6);
      addr->in6.sin6_family = AF_INET6;
      *len = sizeof addr->in6;
    } else {
      std::memset(&addr->in4, 0, sizeof addr->in4);
      addr->in4.sin_family = AF_INET;
      addr->in4.sin_addr.s_addr = htonl(INADDR_ANY);
      *len = sizeof addr->in4;
    }
    return true;
  }
  if (family == AF_INET && (name == "<broadcast>" || name == "255.255.255.255")) {
    std::memset(&addr->in4, 0, sizeof addr->in4);
    addr->in4.sin_family = AF_INET;
    addr->in4.sin_addr.s_addr = htonl(INADDR_BROADCAST);
    *len = sizeof addr->in4;
    return true;
  }
  if (family == AF_INET) {
    std::memset(&addr->in4, 0, sizeof addr->in4);
    if (inet_pton(AF_INET, name.c_str(), &addr->in4.sin_addr) == 1) {
      addr->in4.sin_family = AF_INET;
      *len = sizeof addr->in4;
      return true;
    }
  } else if (family == AF_INET6) {
    std::memset(&addr->in6, 0, sizeof addr->in6);
    if (inet_pton(AF_INET6, name.c_str(), &addr->in6.sin6_addr) == 1) {
      addr->in6.sin6_family = AF_INET6;
      *len = sizeof addr->in6;
      return true;
    }
  }
  struct addrinfo hints, *res = nullptr;
  std::memset(&hints, 0, sizeof hints);
  hints.ai_family = family;
  int rc;
  {
    BlockingSection section;
    rc = getaddrinfo(name.c_str(), nullptr, &hints, &res);
  }
  if (rc != 0) {
    raise_gai(rc);
    return false;
  }
  std::memcpy(&addr->storage, res->ai_addr, res->ai_addrlen);
  *len = res->ai_addrlen;
  freeaddrinfo(res);
  return true;
}

// A host argument: str (idna ~ ascii here), bytes or bytearray.
bool host_arg(Object* o, std::string* out) {
  if (str_check(o)) {
    ssize n;
    const char* s = str_as_utf8(o, &n);
    if (!s) return false;
    out->assign(s, size_t(n));
    return true;
  }
  if (bytes_check(o) || bytearray_check(o)) {
    ByteView v;
    if (!get_byte_view(o, &v)) return false;
    out->assign(v.data, size_t(v.size));
    return true;
  }
  err_format(&Exc_TypeError, "str, bytes or bytearray expected, not %s", type_name(type_of(o)));
  return false;
}

bool port_arg(Object* o, const char* caller, int* port) {
  int p;
  if (!index_as_int(o, &p)) {
    if (err_matches(&Exc_OverflowError)) {
      err_clear();
      err_format(&Exc_OverflowError, "%s(): port must be 0-65535.", caller);
    }
    return false;
  }
  if (p < 0 || p > 0xffff) {
    err_format(&Exc_OverflowError, "%s(): port must be 0-65535.", caller);
    return false;
  }
  *port = p;
  return true;
}

// CPython's getsockaddrarg: a Python address for family `s->family` -> sockaddr.
bool get_sockaddr(SocketObject* s, Object* a, const char* caller, SockAddr* addr,
                  socklen_t* len) {
  switch (s->family) {
    case AF_UNIX: {
      std::string path;
      if (str_check(a)) {
        Ref b = Ref::steal(str_encode(a, "utf-8", "surrogateescape"));
        if (!b) return false;
        path.assign(bytes_data(b.get()), size_t(bytes_size(b.get())));
      } else {
        ByteView v;
        if (!get_byte_view(a, &v)) return false;
        path.assign(v.data, size_t(v.size));
      }
      if (path.size() > sizeof addr->un.sun_path) {
        err_format(&Exc_OSError, "AF_UNIX path too long");
        return false;
      }
      std::memset(&addr->un, 0, sizeof addr->un);
      addr->un.sun_family = AF_UNIX;
      std::memcpy(addr->un.sun_path, path.data(), path.size());
      *len = socklen_t(offsetof(struct sockaddr_un, sun_path) + path.size());
      return true;
    }
    case AF_INET: {
      if (!tuple_check(a)) {
        err_format(&Exc_TypeError, "%s(): AF_INET address must be tuple, not %s", caller,
                   type_name(type_of(a)));
        return false;
      }
      if (tuple_size(a) != 2) {
        err_format(&Exc_TypeError, "AF_INET address must be a pair (host, port)");
        return false;
      }
      std::string host;
      int port;
      if (!host_arg(tuple_get_borrowed(a, 0), &host)) return false;
      if (!port_arg(tuple_get_borrowed(a, 1), caller, &port)) return false;
      if (!set_ip_addr(host, AF_INET, addr, len)) return false;
      addr->in4.sin_port = htons(uint16_t(port));
      return true;
    }
    case AF_INET6: {
      if (!tuple_check(a)) {
        err_format(&Exc_TypeError, "%s(): AF_INET6 address must be tuple, not %s", caller,
                   type_name(type_of(a)));
        return false;
      }
      ssize n = tuple_size(a);
      if (n < 2 || n > 4) {
        err_format(&Exc_TypeError, "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])");
        return false;
      }
      std::string host;
      int port, flowinfo = 0, scope_id = 0;
      if (!host_arg(tuple_get_borrowed(a, 0), &host)) return false;
      if (!port_arg(tuple_get_borrowed(a, 1), caller, &port)) return false;
      if (n > 2 && !index_as_int(tuple_get_borrowed(a, 2), &flowinfo)) return false;
      if (n > 3 && !index_as_int(tuple_get_borrowed(a, 3), &scope_id)) return false;
      if (flowinfo < 0 || flowinfo > 0xfffff) {
        err_format(&Exc_OverflowError, "%s(): flowinfo must be 0-1048575.", caller);
        return false;
      }
      if (!set_ip_addr(host, AF_INET6, addr, len)) return false;
      addr->in6.sin6_port = htons(uint16_t(port));
      addr->in6.sin6_flowinfo = htonl(uint32_t(flowinfo));
      addr->in6.sin6_scope_id = uint32_t(scope_id);
      return true;
    }
    default:
      err_format(&Exc_OSError, "%s(): bad family", caller);
      return false;
  }
}

Object* ip_to_str(int family, const void* addr) {
  char buf[INET6_ADDRSTRLEN];
  if (!inet_ntop(family, addr, buf, sizeof buf)) return raise_errno_exc();
  return str_from_cstr(buf);
}

// CPython's makesockaddr.
Object* make_sockaddr(const struct sockaddr* sa, socklen_t len) {
  if (len == 0) return none_ref();
  switch (sa->sa_family) {
    case AF_INET: {
      auto* in = reinterpret_cast<const struct sockaddr_in*>(sa);
      Ref host = Ref::steal(ip_to_str(AF_INET, &in->sin_addr));
      Ref port = Ref::steal(int_from_i64(ntohs(in->sin_port)));
      if (!host || !port) return nullptr;
      return tuple_pack(2, host.get(), port.get());
    }
    case AF_INET6: {
      auto* in = reinterpret_cast<const struct sockaddr_in6*>(sa);
      Ref host = Ref::steal(ip_to_str(AF_INET6, &in->sin6_addr));
      Ref port = Ref::steal(int_from_i64(ntohs(in->sin6_port)));
      Ref flow = Ref::steal(int_from_u64(ntohl(in->sin6_flowinfo)));
      Ref scope = Ref::steal(int_from_u64(in->sin6_scope_id));
      if (!host || !port || !flow || !scope) return nullptr;
      return tuple_pack(4, host.get(), port.get(), flow.get(), scope.get());
    }
    case AF_UNIX: {
      auto* un = reinterpret_cast<const struct sockaddr_un*>(sa);
      size_t off = offsetof(struct sockaddr_un, sun_path);
      size_t n = len > off ? len - off : 0;
      if (n > 0 && un->sun_path[0] == '\0') return bytes_from(un->sun_path, ssize(n));
      size_t l = strnlen(un->sun_path, n);
      return str_decode(un->sun_path, ssize(l), "utf-8", "surrogateescape");
    }
    default: {
      Ref fam = Ref::steal(int_from_i64(sa->sa_family));
      Ref data = Ref::steal(bytes_from(sa->sa_data, sizeof sa->sa_data));
      if (!fam || !data) return nullptr;
      return tuple_pack(2, fam.get(), data.get());
    }
  }
}

// ---- the socket type ----------------------------------------------------------------------------

Object* sock_new(TypeObject* type, Object* const*, ssize, Object*) {
  auto* s = alloc_object<SocketObject>(type);
  if (!s) return nullptr;
  s->fd = -1;
  s->family = AF_INET;
  s->type = SOCK_STREAM;
  s->proto = 0;
  s->timeout = -1.0;
  return s;
}

void sock_dealloc(Object* self) {
  SocketObject* s = as_sock(self);
  if (s->fd >= 0) ::close(s->fd);
  s->fd = -1;
  object_free(self);
}

bool apply_timeout(SocketObject* s, double timeout) {
  s->timeout = timeout;
  if (!set_nonblocking(s->fd, timeout >= 0)) {
    raise_errno_exc();
    return false;
  }
  return true;
}

int sock_init(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"family", "type", "proto", "fileno", nullptr};
  static const ArgSpec spec{"socket", names, 0, 4};
  Object* a[4];
  if (!parse_args(spec, args, nargs, kwnames, a)) return -1;
  SocketObject* s = as_sock(self);
  int family = -1, type = -1, proto = -1;
  if (a[0] && a[0] != None && !index_as_int(a[0], &family)) return -1;
  if (a[1] && a[1] != None && !index_as_int(a[1], &type)) return -1;
  if (a[2] && a[2] != None && !index_as_int(a[2], &proto)) return -1;
  int fd = -1;
  if (a[3] && a[3] != None) {
    if (float_check(a[3])) {
      err_set_string(&Exc_TypeError, "'float' object cannot be interpreted as an integer");
      return -1;
    }
    if (!index_as_int(a[3], &fd)) return -1;
    if (fd < 0) {
      err_set_string(&Exc_ValueError, "negative file descriptor");
      return -1;
    }
    SockAddr addr;
    socklen_t len = sizeof addr;
    std::memset(&addr, 0, sizeof addr);
    if (family == -1) {
      if (::getsockname(fd, &addr.sa, &len) < 0) {
        raise_errno_exc();
        return -1;
      }
      family = addr.sa.sa_family;
    }
    int v;
    socklen_t vl = sizeof v;
    if (type == -1) {
      if (::getsockopt(fd, SOL_SOCKET, SO_TYPE, &v, &vl) < 0) {
        raise_errno_exc();
        return -1;
      }
      type = v;
    }
    if (proto == -1) {
      vl = sizeof v;
      if (::getsockopt(fd, SOL_SOCKET, SO_PROTOCOL, &v, &vl) < 0) {
        raise_errno_exc();
        return -1;
      }
      proto = v;
    }
  } else {
    if (family == -1) family = AF_INET;
    if (type == -1) type = SOCK_STREAM;
    if (proto == -1) proto = 0;
    fd = ::socket(family, type | SOCK_CLOEXEC, proto);
    if (fd < 0) {
      raise_errno_exc();
      return -1;
    }
  }
  if (s->fd >= 0 && s->fd != fd) ::close(s->fd);
  s->fd = fd;
  s->family = family;
  s->type = type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
  s->proto = proto;
  double timeout = g_default_timeout;
  if (type & SOCK_NONBLOCK) timeout = 0.0;
  s->timeout = timeout;
  if (timeout >= 0 && !apply_timeout(s, timeout)) return -1;
  return 0;
}

Object* sock_repr(Object* self) {
  SocketObject* s = as_sock(self);
  return str_from_format("<socket object, fd=%d, family=%d, type=%d, proto=%d>", s->fd, s->family,
                         s->type, s->proto);
}

// ---- methods ------------------------------------------------------------------------------------

Object* sock__accept(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("_accept", nargs, kwnames)) return nullptr;
  SocketObject* s = as_sock(self);
  SockAddr addr;
  socklen_t len = 0;
  ssize_t fd = sock_call(s, false, [&] {
    len = sizeof addr;
    return ssize_t(::accept4(s->fd, &addr.sa, &len, SOCK_CLOEXEC));
  });
  if (fd < 0) return nullptr;
  Ref fdo = Ref::steal(int_from_i64(fd));
  if (!fdo) {
    ::close(int(fd));
    return nullptr;
  }
  Ref a = Ref::steal(make_sockaddr(&addr.sa, len));
  if (!a) return nullptr;
  return tuple_pack(2, fdo.get(), a.get());
}

Object* sock_bind(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("bind", nargs, kwnames)) return nullptr;
  SocketObject* s = as_sock(self);
  SockAddr addr;
  socklen_t len;
  if (!get_sockaddr(s, args[0], "bind", &addr, &len)) return nullptr;
  if (::bind(s->fd, &addr.sa, len) < 0) return raise_errno_exc();
  return none_ref();
}

Object* sock_close(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("close", nargs, kwnames)) return nullptr;
  SocketObject* s = as_sock(self);
  int fd = s->fd;
  if (fd >= 0) {
    s->fd = -1;
    // ECONNRESET is ignored, as CPython does.
    if (sys_close(fd) < 0 && errno != ECONNRESET) return raise_errno_exc();
  }
  return none_ref();
}

Object* sock_detach(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("detach", nargs, kwnames)) return nullptr;
  SocketObject* s = as_sock(self);
  int fd = s->fd;
  s->fd = -1;
  return int_from_i64(fd);
}

// connect: returns 0 or an errno value (with no exception), -1 with an exception set.
int do_connect(SocketObject* s, Object* address, const char* caller, bool raise) {
  SockAddr addr;
  socklen_t len;
  if (!get_sockaddr(s, address, caller, &addr, &len)) return -1;
  int r;
  {
    BlockingSection section;
    r = ::connect(s->fd, &addr.sa, len);
  }
  int err = r < 0 ? errno : 0;
  if (err == EINTR) {
    if (check_signals() < 0) return -1;
    if (s->timeout == 0) err = EINPROGRESS;
  }
  bool wait = (err == EINTR) || (s->timeout > 0 && err == EINPROGRESS);
  if (wait) {
    double deadline = s->timeout > 0 ? monotonic_now() + s->timeout : 0;
    for (;;) {
      double remaining = s->timeout > 0 ? deadline - monotonic_now() : -1;
      if (s->timeout > 0 && remaining <= 0) {
        if (!raise) return EWOULDBLOCK;
        raise_timeout();
        return -1;
      }
      int w = wait_fd(s->fd, true, remaining);
      if (w < 0 && errno == EINTR) {
        if (check_signals() < 0) return -1;
        continue;
      }
      if (w < 0) {
        err = errno;
        break;
      }
      if (w == 0) {
        if (!raise) return EWOULDBLOCK;
        raise_timeout();
        return -1;
      }
      int soerr = 0;
      socklen_t sl = sizeof soerr;
      if (::getsockopt(s->fd, SOL_SOCKET, SO_ERROR, &soerr, &sl) < 0) {
        err = errno;
      } else {
        err = soerr;
      }
      break;
    }
  }
  if (err != 0 && raise) {
    errno = err;
    raise_errno_exc();
    return -1;
  }
  return err;
}

Object* sock_connect(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("connect", nargs, kwnames)) return nullptr;
  if (do_connect(as_sock(self), args[0], "connect", true) != 0) return nullptr;
  return none_ref();
}

Object* sock_connect_ex(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("connect_ex", nargs, kwnames)) return nullptr;
  int r = do_connect(as_sock(self), args[0], "connect_ex", false);
  if (r < 0) return nullptr;
  return int_from_i64(r);
}

Object* sock_fileno(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("fileno", nargs, kwnames)) return nullptr;
  return int_from_i64(as_sock(self)->fd);
}

Object* sock_name(Object* self, ssize nargs, Object* kwnames, const char* fname, bool peer) {
  if (!check_no_args(fname, nargs, kwnames)) return nullptr;
  SocketObject* s = as_sock(self);
  SockAddr addr;
  std::memset(&addr, 0, sizeof addr);
  socklen_t len = sizeof addr;
  int r = peer ? ::getpeername(s->fd, &addr.sa, &len) : ::getsockname(s->fd, &addr.sa, &len);
  if (r < 0) return raise_errno_exc();
  if (len <= offsetof(struct sockaddr_un, sun_path) && s->family == AF_UNIX) {
    return str_from_cstr("");
  }
  return make_sockaddr(&addr.sa, len);
}

Object* sock_getsockname(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  return sock_name(self, nargs, kwnames, "getsockname", false);
}
Object* sock_getpeername(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  return sock_name(self, nargs, kwnames, "getpeername", true);
}

Object* sock_getsockopt(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("getsockopt", kwnames) || !check_positional("getsockopt", nargs, 2, 3)) {
    return nullptr;
  }
  SocketObject* s = as_sock(self);
  int level, opt, buflen = 0;
  if (!index_as_int(args[0], &level) || !index_as_int(args[1], &opt)) return nullptr;
  if (nargs == 3 && !index_as_int(args[2], &buflen)) return nullptr;
  if (buflen == 0) {
    int v = 0;
    socklen_t l = sizeof v;
    if (::getsockopt(s->fd, level, opt, &v, &l) < 0) return raise_errno_exc();
    return int_from_i64(v);
  }
  if (buflen < 0 || buflen > 1024) return err_format(&Exc_OSError, "getsockopt buflen out of range");
  std::string buf(size_t(buflen), '\0');
  socklen_t l = socklen_t(buflen);
  if (::getsockopt(s->fd, level, opt, buf.data(), &l) < 0) return raise_errno_exc();
  return bytes_from(buf.data(), ssize(l));
}

Object* sock_setsockopt(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("setsockopt", kwnames) || !check_positional("setsockopt", nargs, 3, 4)) {
    return nullptr;
  }
  SocketObject* s = as_sock(self);
  int level, opt;
  if (!index_as_int(args[0], &level) || !index_as_int(args[1], &opt)) return nullptr;
  int r;
  if (nargs == 4) {
    if (args[2] != None) {
      return err_format(&Exc_TypeError, "setsockopt() argument 3 must be NoneType, not %s",
                        type_name(type_of(args[2])));
    }
    int optlen;
    if (!index_as_int(args[3], &optlen)) return nullptr;
    r = ::setsockopt(s->fd, level, opt, nullptr, socklen_t(optlen));
  } else if (int_check(args[2])) {
    int v;
    if (!index_as_int(args[2], &v)) return nullptr;
    r = ::setsockopt(s->fd, level, opt, &v, sizeof v);
  } else {
    ByteView v;
    if (!get_byte_view(args[2], &v)) return nullptr;
    r = ::setsockopt(s->fd, level, opt, v.data, socklen_t(v.size));
  }
  if (r < 0) return raise_errno_exc();
  return none_ref();
}

Object* timeout_object(double t) {
  if (t < 0) return none_ref();
  return float_from_double(t);
}

Object* sock_gettimeout(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("gettimeout", nargs, kwnames)) return nullptr;
  return timeout_object(as_sock(self)->timeout);
}

Object* sock_getblocking(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("getblocking", nargs, kwnames)) return nullptr;
  return bool_from(as_sock(self)->timeout != 0.0);
}

// A timeout argument: None -> -1, else a non-negative number of seconds.
bool timeout_arg(Object* o, double* out) {
  if (o == None) {
    *out = -1.0;
    return true;
  }
  double t;
  if (float_check(o)) {
    t = float_value(o);
    if (std::isnan(t)) {
      err_set_string(&Exc_ValueError, "Invalid value NaN (not a number)");
      return false;
    }
  } else {
    Ref i = Ref::steal(number_index(o));
    if (!i) return false;
    t = int_as_double(i.get());
    if (t == -1.0 && err_occurred()) return false;
  }
  if (t < 0) {
    err_set_string(&Exc_ValueError, "Timeout value out of range");
    return false;
  }
  *out = t;
  return true;
}

Object* sock_settimeout(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("settimeout", nargs, kwnames)) return nullptr;
  double t;
  if (!timeout_arg(args[0], &t)) return nullptr;
  if (!apply_timeout(as_sock(self), t)) return nullptr;
  return none_ref();
}

Object* sock_setblocking(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("setblocking", nargs, kwnames)) return nullptr;
  int b = object_is_true(args[0]);
  if (b < 0) return nullptr;
  if (!apply_timeout(as_sock(self), b ? -1.0 : 0.0)) return nullptr;
  return none_ref();
}

Object* sock_listen(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("listen", kwnames) || !check_positional("listen", nargs, 0, 1)) {
    return nullptr;
  }
  int backlog = SOMAXCONN < 128 ? SOMAXCONN : 128;
  if (nargs == 1 && !index_as_int(args[0], &backlog)) return nullptr;
  if (backlog < 0) backlog = 0;
  if (::listen(as_sock(self)->fd, backlog) < 0) return raise_errno_exc();
  return none_ref();
}

bool flags_arg(Object* const* args, ssize nargs, ssize index, int* flags) {
  *flags = 0;
  if (nargs > index) return index_as_int(args[index], flags);
  return true;
}

Object* sock_recv(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("recv", kwnames) || !check_positional("recv", nargs, 1, 2)) return nullptr;
  SocketObject* s = as_sock(self);
  Ref n_obj = Ref::steal(number_index(args[0]));
  if (!n_obj) return nullptr;
  ssize n = int_as_ssize(n_obj.get());
  if (n == -1 && err_occurred()) return nullptr;
  int flags;
  if (!flags_arg(args, nargs, 1, &flags)) return nullptr;
  if (n < 0) return err_format(&Exc_ValueError, "negative buffersize in recv");
  if (n == 0) return bytes_from("", 0);  // as CPython: no system call
  Ref buf = Ref::steal(bytes_new_uninit(n));
  if (!buf) return nullptr;
  char* data = bytes_data(buf.get());
  ssize_t r = sock_call(s, false, [&] { return ::recv(s->fd, data, size_t(n), flags); });
  if (r < 0) return nullptr;
  if (r == n) return buf.release();
  return bytes_from(data, ssize(r));
}

Object* recv_into_impl(Object* self, Object* const* args, ssize nargs, Object* kwnames,
                       const char* fname, bool from) {
  static const char* const names[] = {"buffer", "nbytes", "flags", nullptr};
  ArgSpec spec{fname, names, 1, 3};
  Object* a[3];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  SocketObject* s = as_sock(self);
  WritableBufferArg buf;  // held while the GIL is released in recv
  if (!buf.get(a[0], fname, "1")) return nullptr;
  ssize n = 0;
  if (a[1]) {
    Ref i = Ref::steal(number_index(a[1]));
    if (!i) return nullptr;
    n = int_as_ssize(i.get());
    if (n == -1 && err_occurred()) return nullptr;
  }
  int flags = 0;
  if (a[2] && !index_as_int(a[2], &flags)) return nullptr;
  if (n < 0) return err_format(&Exc_ValueError, "negative buffersize in %s", fname);
  if (n == 0) n = buf.size();
  if (n > buf.size()) {
    return err_format(&Exc_ValueError, from ? "nbytes is greater than the length of the buffer"
                                            : "buffer too small for requested bytes");
  }
  char* data = buf.data();
  SockAddr addr;
  socklen_t len = 0;
  ssize_t r = sock_call(s, false, [&] {
    len = sizeof addr;
    if (from) return ::recvfrom(s->fd, data, size_t(n), flags, &addr.sa, &len);
    return ::recv(s->fd, data, size_t(n), flags);
  });
  if (r < 0) return nullptr;
  Ref count = Ref::steal(int_from_i64(r));
  if (!from) return count.release();
  Ref ao = Ref::steal(make_sockaddr(&addr.sa, len));
  if (!ao || !count) return nullptr;
  return tuple_pack(2, count.get(), ao.get());
}

Object* sock_recv_into(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  return recv_into_impl(self, args, nargs, kwnames, "recv_into", false);
}
Object* sock_recvfrom_into(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  return recv_into_impl(self, args, nargs, kwnames, "recvfrom_into", true);
}

Object* sock_recvfrom(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("recvfrom", kwnames) || !check_positional("recvfrom", nargs, 1, 2)) {
    return nullptr;
  }
  SocketObject* s = as_sock(self);
  Ref n_obj = Ref::steal(number_index(args[0]));
  if (!n_obj) return nullptr;
  ssize n = int_as_ssize(n_obj.get());
  if (n == -1 && err_occurred()) return nullptr;
  int flags;
  if (!flags_arg(args, nargs, 1, &flags)) return nullptr;
  if (n < 0) return err_format(&Exc_ValueError, "negative buffersize in recvfrom");
  std::string buf(size_t(n), '\0');
  SockAddr addr;
  socklen_t len = 0;
  ssize_t r = sock_call(s, false, [&] {
    len = sizeof addr;
    return ::recvfrom(s->fd, buf.data(), size_t(n), flags, &addr.sa, &len);
  });
  if (r < 0) return nullptr;
  Ref data = Ref::steal(bytes_from(buf.data(), ssize(r)));
  Ref ao = Ref::steal(make_sockaddr(&addr.sa, len));
  if (!data || !ao) return nullptr;
  return tuple_pack(2, data.get(), ao.get());
}

Object* sock_send(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("send", kwnames) || !check_positional("send", nargs, 1, 2)) return nullptr;
  SocketObject* s = as_sock(self);
  ByteView v;
  if (!get_byte_view(args[0], &v)) return nullptr;
  int flags;
  if (!flags_arg(args, nargs, 1, &flags)) return nullptr;
  Ref keep = Ref::borrow(args[0]);
  ssize_t r = sock_call(s, true, [&] { return ::send(s->fd, v.data, size_t(v.size), flags); });
  if (r < 0) return nullptr;
  return int_from_i64(r);
}

Object* sock_sendall(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("sendall", kwnames) || !check_positional("sendall", nargs, 1, 2)) {
    return nullptr;
  }
  SocketObject* s = as_sock(self);
  ByteView v;
  if (!get_byte_view(args[0], &v)) return nullptr;
  int flags;
  if (!flags_arg(args, nargs, 1, &flags)) return nullptr;
  // Copy: the buffer may be a bytearray mutated by another thread while the GIL is released.
  std::string data(v.data, size_t(v.size));
  size_t off = 0;
  double deadline = s->timeout > 0 ? monotonic_now() + s->timeout : 0;
  while (off < data.size()) {
    double saved = s->timeout;
    if (saved > 0) {
      double remaining = deadline - monotonic_now();
      if (remaining <= 0) return raise_timeout();
      s->timeout = remaining;
    }
    ssize_t r = sock_call(s, true, [&] {
      return ::send(s->fd, data.data() + off, data.size() - off, flags);
    });
    s->timeout = saved;
    if (r < 0) return nullptr;
    off += size_t(r);
    if (check_signals() < 0) return nullptr;
  }
  return none_ref();
}

Object* sock_sendto(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("sendto", kwnames)) return nullptr;
  if (nargs != 2 && nargs != 3) {
    return err_format(&Exc_TypeError, "sendto() takes 2 or 3 arguments (%zd given)", nargs);
  }
  SocketObject* s = as_sock(self);
  ByteView v;
  if (!get_byte_view(args[0], &v)) return nullptr;
  int flags = 0;
  if (nargs == 3 && !index_as_int(args[1], &flags)) return nullptr;
  SockAddr addr;
  socklen_t len;
  if (!get_sockaddr(s, args[nargs - 1], "sendto", &addr, &len)) return nullptr;
  ssize_t r = sock_call(s, true, [&] {
    return ::sendto(s->fd, v.data, size_t(v.size), flags, &addr.sa, len);
  });
  if (r < 0) return nullptr;
  return int_from_i64(r);
}

Object* sock_shutdown(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("shutdown", nargs, kwnames)) return nullptr;
  int how;
  if (!index_as_int(args[0], &how)) return nullptr;
  int r;
  {
    BlockingSection section;
    r = ::shutdown(as_sock(self)->fd, how);
  }
  if (r < 0) return raise_errno_exc();
  return none_ref();
}

// ---- sendmsg / recvmsg / recvmsg_into: scatter/gather I/O with ancillary data -------------------
//
// Ancillary data is a list of (level, type, data) triples, e.g. (SOL_SOCKET, SCM_RIGHTS,
// array('i', fds)) to pass descriptors over an AF_UNIX socket. The data buffers (and for
// recvmsg_into the caller's writable buffers) are held as buffer exports for the whole call, so
// they cannot move or be resized while the system call runs outside the GIL. Arguments are bound
// as CPython's PyArg_ParseTuple formats ("O|OiO:sendmsg", "n|ni:recvmsg", "O|ni:recvmsg_into"),
// with their messages. Descriptors received with SCM_RIGHTS are closed if building the result
// fails, so none leaks.

// PyArg_ParseTuple's arity message: "sendmsg() takes at least 1 argument (0 given)".
bool check_arity(const char* fname, ssize nargs, Object* kwnames, ssize min, ssize max) {
  if (!check_no_kwargs(fname, kwnames)) return false;
  if (nargs >= min && nargs <= max) return true;
  ssize n = nargs < min ? min : max;
  const char* how = min == max ? "exactly" : (nargs < min ? "at least" : "at most");
  err_format(&Exc_TypeError, "%s() takes %s %zd argument%s (%zd given)", fname, how, n,
             n == 1 ? "" : "s", nargs);
  return false;
}

// The "i" format: a C int, with getargs.c's range messages.
bool c_int_arg(Object* o, int* out) {
  Ref i = Ref::steal(number_index(o));
  if (!i) return false;
  bool overflow = false;
  int64_t v = int_as_i64(i.get(), &overflow);
  if (overflow) {
    err_set_string(&Exc_OverflowError, "Python int too large to convert to C long");
    return false;
  }
  if (v > INT_MAX || v < INT_MIN) {
    err_set_string(&Exc_OverflowError, v > INT_MAX ? "signed integer is greater than maximum"
                                                   : "signed integer is less than minimum");
    return false;
  }
  *out = int(v);
  return true;
}

// The "n" format: a Py_ssize_t.
bool ssize_arg(Object* o, ssize* out) {
  Ref i = Ref::steal(number_index(o));
  if (!i) return false;
  *out = int_as_ssize(i.get());
  return !(*out == -1 && err_occurred());
}

// PySequence_Fast with a list snapshot: a tuple of the items of `o`; `msg` replaces the
// TypeError of a non-iterable.
Object* items_tuple(Object* o, const char* msg) {
  if (tuple_check_exact(o)) return newref(o);
  if (list_check_exact(o)) return sequence_tuple(o);
  Ref it = Ref::steal(object_getiter(o));
  if (!it) {
    if (err_matches(&Exc_TypeError)) err_format(&Exc_TypeError, "%s", msg);
    return nullptr;
  }
  return sequence_tuple(it.get());
}

// Buffer exports held until the scope ends (an array, never moved: a view may point into itself).
struct HeldBuffers {
  explicit HeldBuffers(ssize n) : views(new BufferView[size_t(n)]), count(n) {}
  ~HeldBuffers() {
    for (ssize i = 0; i < count; ++i) release_buffer(&views[i]);
  }
  std::unique_ptr<BufferView[]> views;
  ssize count;
};

// The largest control-message length: CPython's SOCKLEN_T_LIMIT.
constexpr size_t kCmsgLimit = INT_MAX;

bool cmsg_len_of(size_t length, size_t* out) {
  if (length > kCmsgLimit - CMSG_LEN(0)) return false;
  *out = CMSG_LEN(length);
  return true;
}

bool cmsg_space_of(size_t length, size_t* out) {
  if (length > kCmsgLimit - CMSG_SPACE(1)) return false;
  *out = CMSG_SPACE(length);
  return *out <= kCmsgLimit && *out >= length;
}

// One (level, type, data) item: the "(iiy*)" format, data exported into *view.
bool parse_cmsg_item(Object* item, int* level, int* type, BufferView* view) {
  static const char* kWhere = "[sendmsg() ancillary data items]()";
  Ref seq;
  if (tuple_check(item)) {
    seq = Ref::borrow(item);
  } else {
    Ref getitem = Ref::steal(str_from_cstr("__getitem__"));
    if (!getitem) return false;
    if (bytes_check(item) || dict_check(item) ||
        !type_lookup_borrowed(type_of(item), getitem.get())) {
      err_format(&Exc_TypeError, "%s argument must be 3-item sequence, not %s", kWhere,
                 item == None ? "None" : type_name(type_of(item)));
      return false;
    }
    seq = Ref::steal(sequence_tuple(item));
    if (!seq) return false;
  }
  if (tuple_size(seq.get()) != 3) {
    err_format(&Exc_TypeError, "%s argument must be sequence of length 3, not %zd", kWhere,
               tuple_size(seq.get()));
    return false;
  }
  if (!c_int_arg(tuple_get_borrowed(seq.get(), 0), level) ||
      !c_int_arg(tuple_get_borrowed(seq.get(), 1), type)) {
    return false;
  }
  return get_buffer(tuple_get_borrowed(seq.get(), 2), view, BUF_SIMPLE) == 0;
}

Object* sock_sendmsg(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_arity("sendmsg", nargs, kwnames, 1, 4)) return nullptr;
  SocketObject* s = as_sock(self);
  int flags = 0;
  if (nargs > 2 && !c_int_arg(args[2], &flags)) return nullptr;
  struct msghdr msg;
  std::memset(&msg, 0, sizeof msg);
  SockAddr addr;
  if (nargs > 3 && args[3] != None) {
    socklen_t len;
    if (!get_sockaddr(s, args[3], "sendmsg", &addr, &len)) return nullptr;
    msg.msg_name = &addr;
    msg.msg_namelen = len;
  }
  // The message parts.
  Ref parts = Ref::steal(items_tuple(args[0], "sendmsg() argument 1 must be an iterable"));
  if (!parts) return nullptr;
  ssize nparts = tuple_size(parts.get());
  if (nparts > INT_MAX) return err_format(&Exc_OSError, "sendmsg() argument 1 is too long");
  HeldBuffers data(nparts);
  std::unique_ptr<struct iovec[]> iov(new struct iovec[size_t(nparts ? nparts : 1)]);
  for (ssize i = 0; i < nparts; ++i) {
    BufferView* v = &data.views[i];
    if (get_buffer(tuple_get_borrowed(parts.get(), i), v, BUF_SIMPLE) < 0) return nullptr;
    if (!buffer_is_contiguous(v, 'C')) {
      return err_format(&Exc_BufferError, "memoryview: underlying buffer is not C-contiguous");
    }
    iov[size_t(i)].iov_base = v->buf;
    iov[size_t(i)].iov_len = size_t(v->len);
  }
  msg.msg_iov = iov.get();
  msg.msg_iovlen = size_t(nparts);
  // The ancillary data.
  Ref items;
  ssize nitems = 0;
  if (nargs > 1) {
    items = Ref::steal(items_tuple(args[1], "sendmsg() argument 2 must be an iterable"));
    if (!items) return nullptr;
    nitems = tuple_size(items.get());
  }
  HeldBuffers cdata(nitems);
  std::unique_ptr<int[]> levels(new int[size_t(nitems ? nitems : 1)]);
  std::unique_ptr<int[]> types(new int[size_t(nitems ? nitems : 1)]);
  size_t controllen = 0;
  for (ssize i = 0; i < nitems; ++i) {
    if (!parse_cmsg_item(tuple_get_borrowed(items.get(), i), &levels[i], &types[i],
                         &cdata.views[i])) {
      return nullptr;
    }
    size_t space;
    if (!cmsg_space_of(size_t(cdata.views[i].len), &space)) {
      return err_format(&Exc_OverflowError, "ancillary data item too large");
    }
    controllen += space;
    if (controllen > kCmsgLimit || controllen < space) {
      return err_format(&Exc_OSError, "too much ancillary data");
    }
  }
  std::string control(controllen, '\0');
  if (nitems > 0) {
    msg.msg_control = control.data();
    msg.msg_controllen = controllen;
    struct cmsghdr* c = nullptr;
    for (ssize i = 0; i < nitems; ++i) {
      c = i == 0 ? CMSG_FIRSTHDR(&msg) : CMSG_NXTHDR(&msg, c);
      if (!c) {
        return err_format(&Exc_RuntimeError, "unexpected NULL result from %s()",
                          i == 0 ? "CMSG_FIRSTHDR" : "CMSG_NXTHDR");
      }
      c->cmsg_level = levels[i];
      c->cmsg_type = types[i];
      c->cmsg_len = CMSG_LEN(size_t(cdata.views[i].len));  // fits: CMSG_SPACE(len) did
      if (cdata.views[i].len > 0) {
        std::memcpy(CMSG_DATA(c), cdata.views[i].buf, size_t(cdata.views[i].len));
      }
    }
  }
  ssize_t r = sock_call(s, true, [&] { return ::sendmsg(s->fd, &msg, flags); });
  if (r < 0) return nullptr;
  return int_from_i64(r);
}

// The data length of control message `c` within what was received, as CPython's
// get_cmsg_data_len: 0 whole, 1 truncated (*len is what is present), -1 malformed.
int cmsg_data_len(const struct msghdr* msg, const struct cmsghdr* c, size_t* len) {
  const char* base = static_cast<const char*>(msg->msg_control);
  size_t offset = size_t(reinterpret_cast<const char*>(c) - base);
  size_t data_offset = size_t(reinterpret_cast<const char*>(CMSG_DATA(c)) - base);
  if (offset + sizeof(struct cmsghdr) > msg->msg_controllen || c->cmsg_len < CMSG_LEN(0)) {
    return -1;
  }
  if (data_offset > msg->msg_controllen) return -1;
  size_t want = c->cmsg_len - CMSG_LEN(0);
  size_t have = msg->msg_controllen - data_offset;
  *len = want <= have ? want : have;
  return want <= have ? 0 : 1;
}

// Close the descriptors of every SCM_RIGHTS message received (the result could not be built).
void close_received_fds(struct msghdr* msg) {
  if (msg->msg_controllen == 0) return;
  for (struct cmsghdr* c = CMSG_FIRSTHDR(msg); c; c = CMSG_NXTHDR(msg, c)) {
    size_t len;
    if (cmsg_data_len(msg, c, &len) < 0) break;
    if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS) continue;
    const unsigned char* p = CMSG_DATA(c);
    for (size_t k = 0; k + sizeof(int) <= len; k += sizeof(int)) {
      int fd;
      std::memcpy(&fd, p + k, sizeof fd);
      ::close(fd);
    }
  }
}

// The (level, type, data) list of what recvmsg received. nullptr with an exception set.
Object* received_cmsgs(struct msghdr* msg) {
  Ref list = Ref::steal(list_new(0));
  if (!list) return nullptr;
  if (msg->msg_controllen == 0) return list.release();
  for (struct cmsghdr* c = CMSG_FIRSTHDR(msg); c; c = CMSG_NXTHDR(msg, c)) {
    size_t len = 0;
    int status = cmsg_data_len(msg, c, &len);
    if (status != 0) {
      Ref warnings = Ref::steal(import_module("warnings"));
      Ref warn = warnings ? Ref::steal(object_getattr_str(warnings.get(), "warn")) : Ref();
      Ref text =
          Ref::steal(str_from_cstr("received malformed or improperly-truncated ancillary data"));
      if (!warn || !text) return nullptr;
      Ref r = Ref::steal(call2(warn.get(), text.get(), as_object(&Exc_RuntimeWarning)));
      if (!r) return nullptr;
      if (status < 0) break;
    }
    Ref level = Ref::steal(int_from_i64(c->cmsg_level));
    Ref type = Ref::steal(int_from_i64(c->cmsg_type));
    Ref data = Ref::steal(bytes_from(reinterpret_cast<const char*>(CMSG_DATA(c)), ssize(len)));
    if (!level || !type || !data) return nullptr;
    Ref t = Ref::steal(tuple_pack(3, level.get(), type.get(), data.get()));
    if (!t || list_append(list.get(), t.get()) < 0) return nullptr;
    if (status != 0) break;
  }
  return list.release();
}

// The part recvmsg and recvmsg_into share: receive into msg->msg_iov with an ancillary buffer
// of `ancbufsize` bytes; returns (first, ancdata, msg_flags, address) where `first` is made from
// the byte count by `make_first`.
template <class MakeFirst>
Object* recvmsg_common(SocketObject* s, struct msghdr* msg, ssize ancbufsize, int flags,
                       MakeFirst make_first) {
  if (ancbufsize < 0 || size_t(ancbufsize) > kCmsgLimit) {
    return err_format(&Exc_ValueError, "invalid ancillary data buffer length");
  }
  std::string control(size_t(ancbufsize), '\0');
  SockAddr addr;
  std::memset(&addr, 0, sizeof addr);
  ssize_t r = sock_call(s, false, [&] {
    msg->msg_name = &addr;
    msg->msg_namelen = sizeof addr;
    msg->msg_control = ancbufsize > 0 ? control.data() : nullptr;
    msg->msg_controllen = size_t(ancbufsize);
    return ::recvmsg(s->fd, msg, flags);
  });
  if (r < 0) return nullptr;
  socklen_t namelen = msg->msg_namelen > sizeof addr ? socklen_t(sizeof addr) : msg->msg_namelen;
  Ref first = Ref::steal(make_first(r));
  Ref cmsgs = first ? Ref::steal(received_cmsgs(msg)) : Ref();
  Ref mflags = cmsgs ? Ref::steal(int_from_i64(msg->msg_flags)) : Ref();
  Ref address = mflags ? Ref::steal(make_sockaddr(&addr.sa, namelen)) : Ref();
  Object* result =
      address ? tuple_pack(4, first.get(), cmsgs.get(), mflags.get(), address.get()) : nullptr;
  if (!result) close_received_fds(msg);
  return result;
}

Object* sock_recvmsg(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_arity("recvmsg", nargs, kwnames, 1, 3)) return nullptr;
  ssize bufsize, ancbufsize = 0;
  int flags = 0;
  if (!ssize_arg(args[0], &bufsize) || (nargs > 1 && !ssize_arg(args[1], &ancbufsize)) ||
      (nargs > 2 && !c_int_arg(args[2], &flags))) {
    return nullptr;
  }
  if (bufsize < 0) return err_format(&Exc_ValueError, "negative buffer size in recvmsg()");
  Ref buf = Ref::steal(bytes_new_uninit(bufsize));
  if (!buf) return nullptr;
  struct iovec iov;
  iov.iov_base = bytes_data(buf.get());
  iov.iov_len = size_t(bufsize);
  struct msghdr msg;
  std::memset(&msg, 0, sizeof msg);
  msg.msg_iov = &iov;
  msg.msg_iovlen = 1;
  return recvmsg_common(as_sock(self), &msg, ancbufsize, flags, [&](ssize_t n) -> Object* {
    if (n == bufsize) return buf.release();
    return bytes_from(bytes_data(buf.get()), ssize(n));
  });
}

Object* sock_recvmsg_into(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_arity("recvmsg_into", nargs, kwnames, 1, 3)) return nullptr;
  ssize ancbufsize = 0;
  int flags = 0;
  if ((nargs > 1 && !ssize_arg(args[1], &ancbufsize)) ||
      (nargs > 2 && !c_int_arg(args[2], &flags))) {
    return nullptr;
  }
  Ref parts = Ref::steal(items_tuple(args[0], "recvmsg_into() argument 1 must be an iterable"));
  if (!parts) return nullptr;
  ssize nparts = tuple_size(parts.get());
  if (nparts > INT_MAX) return err_format(&Exc_OSError, "recvmsg_into() argument 1 is too long");
  std::unique_ptr<WritableBufferArg[]> bufs(new WritableBufferArg[size_t(nparts ? nparts : 1)]);
  std::unique_ptr<struct iovec[]> iov(new struct iovec[size_t(nparts ? nparts : 1)]);
  for (ssize i = 0; i < nparts; ++i) {
    if (!bufs[size_t(i)].get(tuple_get_borrowed(parts.get(), i), "recvmsg_into")) {
      err_clear();
      return err_format(&Exc_TypeError,
                        "recvmsg_into() argument 1 must be an iterable of single-segment "
                        "read-write buffers");
    }
    iov[size_t(i)].iov_base = bufs[size_t(i)].data();
    iov[size_t(i)].iov_len = size_t(bufs[size_t(i)].size());
  }
  struct msghdr msg;
  std::memset(&msg, 0, sizeof msg);
  msg.msg_iov = iov.get();
  msg.msg_iovlen = size_t(nparts);
  return recvmsg_common(as_sock(self), &msg, ancbufsize, flags,
                        [](ssize_t n) { return int_from_i64(n); });
}

Object* sock_get_family(Object* self) { return int_from_i64(as_sock(self)->family); }
Object* sock_get_type(Object* self) { return int_from_i64(as_sock(self)->type); }
Object* sock_get_proto(Object* self) { return int_from_i64(as_sock(self)->proto); }
Object* sock_get_timeout(Object* self) { return timeout_object(as_sock(self)->timeout); }

const MethodDef kSocketMethods[] = {
    {"_accept", sock__accept, METH_DEFAULT, "_accept() -> (integer, address info)"},
    {"bind", sock_bind, METH_DEFAULT, "bind(address)"},
    {"close", sock_close, METH_DEFAULT, "close()"},
    {"connect", sock_connect, METH_DEFAULT, "connect(address)"},
    {"connect_ex", sock_connect_ex, METH_DEFAULT, "connect_ex(address) -> errno"},
    {"detach", sock_detach, METH_DEFAULT, "detach()"},
    {"fileno", sock_fileno, METH_DEFAULT, "fileno() -> integer"},
    {"getpeername", sock_getpeername, METH_DEFAULT, "getpeername() -> address info"},
    {"getsockname", sock_getsockname, METH_DEFAULT, "getsockname() -> address info"},
    {"getsockopt", sock_getsockopt, METH_DEFAULT, "getsockopt(level, option[, buffersize]) -> value"},
    {"setsockopt", sock_setsockopt, METH_DEFAULT, "setsockopt(level, option, value: int)"},
    {"gettimeout", sock_gettimeout, METH_DEFAULT, "gettimeout() -> timeout"},
    {"settimeout", sock_settimeout, METH_DEFAULT, "settimeout(timeout)"},
    {"getblocking", sock_getblocking, METH_DEFAULT, "getblocking()"},
    {"setblocking", sock_setblocking, METH_DEFAULT, "setblocking(flag)"},
    {"listen", sock_listen, METH_DEFAULT, "listen([backlog])"},
    {"recv", sock_recv, METH_DEFAULT, "recv(buffersize[, flags]) -> data"},
    {"recv_into", sock_recv_into, METH_DEFAULT, "recv_into(buffer, [nbytes[, flags]]) -> nbytes_read"},
    {"recvfrom", sock_recvfrom, METH_DEFAULT, "recvfrom(buffersize[, flags]) -> (data, address info)"},
    {"recvfrom_into", sock_recvfrom_into, METH_DEFAULT, "recvfrom_into(buffer[, nbytes[, flags]]) -> (nbytes, address info)"},
    {"send", sock_send, METH_DEFAULT, "send(data[, flags]) -> count"},
    {"sendall", sock_sendall, METH_DEFAULT, "sendall(data[, flags])"},
    {"sendto", sock_sendto, METH_DEFAULT, "sendto(data[, flags], address) -> count"},
    {"sendmsg", sock_sendmsg, METH_DEFAULT, "sendmsg(buffers[, ancdata[, flags[, address]]]) -> count"},
    {"recvmsg", sock_recvmsg, METH_DEFAULT, "recvmsg(bufsize[, ancbufsize[, flags]]) -> (data, ancdata, msg_flags, address)"},
    {"recvmsg_into", sock_recvmsg_into, METH_DEFAULT, "recvmsg_into(buffers[, ancbufsize[, flags]]) -> (nbytes, ancdata, msg_flags, address)"},
    {"shutdown", sock_shutdown, METH_DEFAULT, "shutdown(flag)"},
    {nullptr, nullptr, 0, nullptr},
};

const GetSetDef kSocketGetSet[] = {
    {"family", sock_get_family, nullptr, "the socket family"},
    {"type", sock_get_type, nullptr, "the socket type"},
    {"proto", sock_get_proto, nullptr, "the socket protocol"},
    {"timeout", sock_get_timeout, nullptr, "the socket timeout"},
    {nullptr, nullptr, nullptr, nullptr},
};

// ---- module functions ---------------------------------------------------------------------------

Object* mod_socketpair(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("socketpair", kwnames) || !check_positional("socketpair", nargs, 0, 3)) {
    return nullptr;
  }
  int family = AF_UNIX, type = SOCK_STREAM, proto = 0;
  if (nargs > 0 && args[0] != None && !index_as_int(args[0], &family)) return nullptr;
  if (nargs > 1 && args[1] != None && !index_as_int(args[1], &type)) return nullptr;
  if (nargs > 2 && args[2] != None && !index_as_int(args[2], &proto)) return nullptr;
  int sv[2];
  if (::socketpair(family, type | SOCK_CLOEXEC, proto, sv) < 0) return raise_errno_exc();
  Ref a = Ref::steal(int_from_i64(sv[0]));
  Ref b = Ref::steal(int_from_i64(sv[1]));
  if (!a || !b) return nullptr;
  return tuple_pack(2, a.get(), b.get());
}

Object* mod_gethostname(Object*, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("gethostname", nargs, kwnames)) return nullptr;
  char buf[1024];
  if (::gethostname(buf, sizeof buf - 1) < 0) return raise_errno_exc();
  buf[sizeof buf - 1] = '\0';
  return str_from_cstr(buf);
}

Object* mod_gethostbyname(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("gethostbyname", nargs, kwnames)) return nullptr;
  if (!str_check(args[0])) {
    return err_format(&Exc_TypeError, "gethostbyname() argument 1 must be str, not %s",
                      type_name(type_of(args[0])));
  }
  std::string host;
  if (!host_arg(args[0], &host)) return nullptr;
  SockAddr addr;
  socklen_t len;
  if (!set_ip_addr(host, AF_INET, &addr, &len)) return nullptr;
  return ip_to_str(AF_INET, &addr.in4.sin_addr);
}

Object* mod_getaddrinfo(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"host", "port", "family", "type", "proto", "flags", nullptr};
  static const ArgSpec spec{"getaddrinfo", names, 2, 6};
  Object* a[6];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  std::string host, port;
  const char* hptr = nullptr;
  const char* pptr = nullptr;
  if (a[0] != None) {
    if (!str_check(a[0]) && !bytes_check(a[0])) {
      return err_format(&Exc_TypeError, "getaddrinfo() argument 1 must be string or None");
    }
    if (!host_arg(a[0], &host)) return nullptr;
    hptr = host.c_str();
  }
  if (int_check(a[1])) {
    Ref s = Ref::steal(object_str(a[1]));
    if (!s) return nullptr;
    port = str_as_utf8(s.get());
    pptr = port.c_str();
  } else if (str_check(a[1]) || bytes_check(a[1])) {
    if (!host_arg(a[1], &port)) return nullptr;
    pptr = port.c_str();
  } else if (a[1] != None) {
    return err_format(&Exc_OSError, "Int or String expected");
  }
  int family = 0, type = 0, proto = 0, flags = 0;
  if ((a[2] && !index_as_int(a[2], &family)) || (a[3] && !index_as_int(a[3], &type)) ||
      (a[4] && !index_as_int(a[4], &proto)) || (a[5] && !index_as_int(a[5], &flags))) {
    return nullptr;
  }
  struct addrinfo hints, *res = nullptr;
  std::memset(&hints, 0, sizeof hints);
  hints.ai_family = family;
  hints.ai_socktype = type;
  hints.ai_protocol = proto;
  hints.ai_flags = flags;
  int rc;
  {
    BlockingSection section;
    rc = ::getaddrinfo(hptr, pptr, &hints, &res);
  }
  if (rc != 0) return raise_gai(rc);
  Ref list = Ref::steal(list_new(0));
  if (!list) {
    freeaddrinfo(res);
    return nullptr;
  }
  for (struct addrinfo* ai = res; ai; ai = ai->ai_next) {
    Ref fam = Ref::steal(int_from_i64(ai->ai_family));
    Ref ty = Ref::steal(int_from_i64(ai->ai_socktype));
    Ref pr = Ref::steal(int_from_i64(ai->ai_protocol));
    Ref canon = Ref::steal(str_from_cstr(ai->ai_canonname ? ai->ai_canonname : ""));
    Ref addr = Ref::steal(make_sockaddr(ai->ai_addr, ai->ai_addrlen));
    if (!fam || !ty || !pr || !canon || !addr) {
      freeaddrinfo(res);
      return nullptr;
    }
    Ref t = Ref::steal(tuple_pack(5, fam.get(), ty.get(), pr.get(), canon.get(), addr.get()));
    if (!t || list_append(list.get(), t.get()) < 0) {
      freeaddrinfo(res);
      return nullptr;
    }
  }
  freeaddrinfo(res);
  return list.release();
}

Object* mod_getnameinfo(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("getnameinfo", kwnames) || !check_positional("getnameinfo", nargs, 2, 2)) {
    return nullptr;
  }
  Object* sa = args[0];
  if (!tuple_check(sa)) return err_format(&Exc_TypeError, "getnameinfo() argument 1 must be a tuple");
  int flags;
  if (!index_as_int(args[1], &flags)) return nullptr;
  SocketObject tmp;
  tmp.family = tuple_size(sa) == 2 ? AF_INET : AF_INET6;
  if (tuple_size(sa) == 2) {
    std::string host;
    if (host_arg(tuple_get_borrowed(sa, 0), &host) && host.find(':') != std::string::npos) {
      tmp.family = AF_INET6;
    }
    err_clear();
  }
  SockAddr addr;
  socklen_t len;
  if (!get_sockaddr(&tmp, sa, "getnameinfo", &addr, &len)) return nullptr;
  char hbuf[NI_MAXHOST], sbuf[NI_MAXSERV];
  int rc;
  {
    BlockingSection section;
    rc = ::getnameinfo(&addr.sa, len, hbuf, sizeof hbuf, sbuf, sizeof sbuf, flags);
  }
  if (rc != 0) return raise_gai(rc);
  Ref h = Ref::steal(str_from_cstr(hbuf));
  Ref s = Ref::steal(str_from_cstr(sbuf));
  if (!h || !s) return nullptr;
  return tuple_pack(2, h.get(), s.get());
}

Object* mod_getdefaulttimeout(Object*, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("getdefaulttimeout", nargs, kwnames)) return nullptr;
  return timeout_object(g_default_timeout);
}

Object* mod_setdefaulttimeout(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("setdefaulttimeout", nargs, kwnames)) return nullptr;
  double t;
  if (!timeout_arg(args[0], &t)) return nullptr;
  g_default_timeout = t;
  return none_ref();
}

Object* mod_dup(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("dup", nargs, kwnames)) return nullptr;
  int fd;
  if (!index_as_int(args[0], &fd)) return nullptr;
  int r = ::fcntl(fd, F_DUPFD_CLOEXEC, 0);
  if (r < 0) return raise_errno_exc();
  return int_from_i64(r);
}

Object* mod_close(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("close", nargs, kwnames)) return nullptr;
  int fd;
  if (!index_as_int(args[0], &fd)) return nullptr;
  if (sys_close(fd) < 0 && errno != ECONNRESET) return raise_errno_exc();
  return none_ref();
}

Object* mod_inet_aton(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("inet_aton", nargs, kwnames)) return nullptr;
  if (!str_check(args[0])) {
    return err_format(&Exc_TypeError, "inet_aton() argument 1 must be str, not %s",
                      type_name(type_of(args[0])));
  }
  struct in_addr a;
  if (inet_aton(str_as_utf8(args[0]), &a) == 0) {
    return err_format(&Exc_OSError, "illegal IP address string passed to inet_aton");
  }
  return bytes_from(reinterpret_cast<const char*>(&a), 4);
}

Object* mod_inet_ntoa(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("inet_ntoa", nargs, kwnames)) return nullptr;
  ByteView v;
  if (!get_byte_view(args[0], &v)) return nullptr;
  if (v.size != 4) return err_format(&Exc_OSError, "packed IP wrong length for inet_ntoa");
  return ip_to_str(AF_INET, v.data);
}

Object* mod_inet_pton(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("inet_pton", kwnames) || !check_positional("inet_pton", nargs, 2, 2)) {
    return nullptr;
  }
  int family;
  if (!index_as_int(args[0], &family)) return nullptr;
  if (!str_check(args[1])) {
    return err_format(&Exc_TypeError, "inet_pton() argument 2 must be str, not %s",
                      type_name(type_of(args[1])));
  }
  unsigned char buf[16];
  int r = inet_pton(family, str_as_utf8(args[1]), buf);
  if (r < 0) return raise_errno_exc();
  if (r == 0) return err_format(&Exc_OSError, "illegal IP address string passed to inet_pton");
  return bytes_from(reinterpret_cast<const char*>(buf), family == AF_INET ? 4 : 16);
}

Object* mod_inet_ntop(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("inet_ntop", kwnames) || !check_positional("inet_ntop", nargs, 2, 2)) {
    return nullptr;
  }
  int family;
  if (!index_as_int(args[0], &family)) return nullptr;
  ByteView v;
  if (!get_byte_view(args[1], &v)) return nullptr;
  if (family == AF_INET && v.size != 4) {
    return err_format(&Exc_ValueError, "invalid length of packed IP address string");
  }
  if (family == AF_INET6 && v.size != 16) {
    return err_format(&Exc_ValueError, "invalid length of packed IP address string");
  }
  if (family != AF_INET && family != AF_INET6) {
    return err_format(&Exc_ValueError, "unknown address family %d", family);
  }
  return ip_to_str(family, v.data);
}

Object* byteorder(Object* const* args, ssize nargs, Object* kwnames, const char* fname, int bits,
                  bool to_net) {
  if (!check_one_arg(fname, nargs, kwnames)) return nullptr;
  if (!int_check(args[0])) {
    return err_format(&Exc_TypeError, "'%s' object cannot be interpreted as an integer",
                      type_name(type_of(args[0])));
  }
  bool overflow = false;
  int64_t v = int_as_i64(args[0], &overflow);
  if (!overflow && v < 0) {
    if (bits == 16) {
      return err_format(&Exc_OverflowError,
                        "%s: can't convert negative Python int to C 16-bit unsigned integer",
                        fname);
    }
    return err_format(&Exc_OverflowError, "can't convert negative value to unsigned int");
  }
  if (overflow) {
    if (bits == 16) {
      return err_format(&Exc_OverflowError,
                        "%s: Python int too large to convert to C 16-bit unsigned integer", fname);
    }
    return err_format(&Exc_OverflowError, "int larger than 32 bits");
  }
  if (bits == 16) {
    if (v > 0xffff) {
      return err_format(&Exc_OverflowError, "%s: Python int too large to convert to C 16-bit unsigned integer", fname);
    }
    return int_from_i64(to_net ? htons(uint16_t(v)) : ntohs(uint16_t(v)));
  }
  if (v > 0xffffffffLL) return err_format(&Exc_OverflowError, "int larger than 32 bits");
  return int_from_u64(to_net ? htonl(uint32_t(v)) : ntohl(uint32_t(v)));
}

Object* mod_htons(Object*, Object* const* a, ssize n, Object* k) { return byteorder(a, n, k, "htons", 16, true); }
Object* mod_ntohs(Object*, Object* const* a, ssize n, Object* k) { return byteorder(a, n, k, "ntohs", 16, false); }
Object* mod_htonl(Object*, Object* const* a, ssize n, Object* k) { return byteorder(a, n, k, "htonl", 32, true); }
Object* mod_ntohl(Object*, Object* const* a, ssize n, Object* k) { return byteorder(a, n, k, "ntohl", 32, false); }

// CMSG_LEN(length) / CMSG_SPACE(length): the "n" format, then CPython's range checks.
Object* cmsg_size(Object* const* args, ssize nargs, Object* kwnames, const char* fname,
                  bool (*compute)(size_t, size_t*)) {
  if (!check_arity(fname, nargs, kwnames, 1, 1)) return nullptr;
  ssize length;
  if (!ssize_arg(args[0], &length)) return nullptr;
  size_t result;
  if (length < 0 || !compute(size_t(length), &result)) {
    return err_format(&Exc_OverflowError, "%s() argument out of range", fname);
  }
  return int_from_u64(result);
}

Object* mod_CMSG_LEN(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  return cmsg_size(args, nargs, kwnames, "CMSG_LEN", cmsg_len_of);
}
Object* mod_CMSG_SPACE(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  return cmsg_size(args, nargs, kwnames, "CMSG_SPACE", cmsg_space_of);
}

const MethodDef kModuleMethods[] = {
    {"socketpair", mod_socketpair, METH_DEFAULT, "socketpair([family[, type [, proto]]]) -> (fd, fd)"},
    {"gethostname", mod_gethostname, METH_DEFAULT, "gethostname() -> string"},
    {"gethostbyname", mod_gethostbyname, METH_DEFAULT, "gethostbyname(host) -> address"},
    {"getaddrinfo", mod_getaddrinfo, METH_DEFAULT, "getaddrinfo(host, port [, family, type, proto, flags])"},
    {"getnameinfo", mod_getnameinfo, METH_DEFAULT, "getnameinfo(sockaddr, flags) --> (host, port)"},
    {"getdefaulttimeout", mod_getdefaulttimeout, METH_DEFAULT, "getdefaulttimeout() -> timeout"},
    {"setdefaulttimeout", mod_setdefaulttimeout, METH_DEFAULT, "setdefaulttimeout(timeout)"},
    {"dup", mod_dup, METH_DEFAULT, "dup(integer) -> integer"},
    {"close", mod_close, METH_DEFAULT, "close(integer) -> None"},
    {"inet_aton", mod_inet_aton, METH_DEFAULT, "inet_aton(string) -> bytes"},
    {"inet_ntoa", mod_inet_ntoa, METH_DEFAULT, "inet_ntoa(packed_ip) -> ip_address_string"},
    {"inet_pton", mod_inet_pton, METH_DEFAULT, "inet_pton(af, ip) -> packed IP address string"},
    {"inet_ntop", mod_inet_ntop, METH_DEFAULT, "inet_ntop(af, packed_ip) -> string IP address"},
    {"htons", mod_htons, METH_DEFAULT, "htons(integer) -> integer"},
    {"ntohs", mod_ntohs, METH_DEFAULT, "ntohs(integer) -> integer"},
    {"htonl", mod_htonl, METH_DEFAULT, "htonl(integer) -> integer"},
    {"ntohl", mod_ntohl, METH_DEFAULT, "ntohl(integer) -> integer"},
    {"CMSG_LEN", mod_CMSG_LEN, METH_DEFAULT, "CMSG_LEN(length) -> control message length"},
    {"CMSG_SPACE", mod_CMSG_SPACE, METH_DEFAULT, "CMSG_SPACE(length) -> buffer size"},
    {nullptr, nullptr, 0, nullptr},
};

struct IntConst {
  const char* name;
  long long value;
};

const IntConst kConstants[] = {
    {"AF_UNSPEC", AF_UNSPEC}, {"AF_INET", AF_INET}, {"AF_INET6", AF_INET6}, {"AF_UNIX", AF_UNIX},
    {"SOCK_STREAM", SOCK_STREAM}, {"SOCK_DGRAM", SOCK_DGRAM}, {"SOCK_RAW", SOCK_RAW},
    {"SOCK_SEQPACKET", SOCK_SEQPACKET}, {"SOCK_RDM", SOCK_RDM},
    {"SOCK_NONBLOCK", SOCK_NONBLOCK}, {"SOCK_CLOEXEC", SOCK_CLOEXEC},
    {"SOL_SOCKET", SOL_SOCKET}, {"SOL_IP", SOL_IP}, {"SOL_TCP", SOL_TCP}, {"SOL_UDP", 17},
    {"SO_REUSEADDR", SO_REUSEADDR}, {"SO_REUSEPORT", SO_REUSEPORT}, {"SO_KEEPALIVE", SO_KEEPALIVE},
    {"SO_BROADCAST", SO_BROADCAST}, {"SO_LINGER", SO_LINGER}, {"SO_SNDBUF", SO_SNDBUF},
    {"SO_RCVBUF", SO_RCVBUF}, {"SO_ERROR", SO_ERROR}, {"SO_TYPE", SO_TYPE},
    {"SO_RCVLOWAT", SO_RCVLOWAT}, {"SO_SNDLOWAT", SO_SNDLOWAT}, {"SO_RCVTIMEO", SO_RCVTIMEO},
    {"SO_SNDTIMEO", SO_SNDTIMEO}, {"SO_ACCEPTCONN", SO_ACCEPTCONN}, {"SO_DOMAIN", SO_DOMAIN},
    {"SO_PROTOCOL", SO_PROTOCOL}, {"SO_OOBINLINE", SO_OOBINLINE}, {"SO_DEBUG", SO_DEBUG},
    {"SO_DONTROUTE", SO_DONTROUTE}, {"SO_PASSCRED", SO_PASSCRED}, {"SO_PEERCRED", SO_PEERCRED},
    {"SOMAXCONN", SOMAXCONN},
    {"IPPROTO_IP", IPPROTO_IP}, {"IPPROTO_TCP", IPPROTO_TCP}, {"IPPROTO_UDP", IPPROTO_UDP},
    {"IPPROTO_IPV6", IPPROTO_IPV6}, {"IPPROTO_ICMP", IPPROTO_ICMP}, {"IPPROTO_RAW", IPPROTO_RAW},
    {"IPV6_V6ONLY", IPV6_V6ONLY}, {"IP_TTL", IP_TTL}, {"IP_TOS", IP_TOS},
    {"IP_MULTICAST_TTL", IP_MULTICAST_TTL}, {"IP_MULTICAST_LOOP", IP_MULTICAST_LOOP},
    {"IP_ADD_MEMBERSHIP", IP_ADD_MEMBERSHIP},
    {"TCP_NODELAY", TCP_NODELAY}, {"TCP_MAXSEG", TCP_MAXSEG}, {"TCP_KEEPIDLE", TCP_KEEPIDLE},
    {"TCP_KEEPINTVL", TCP_KEEPINTVL}, {"TCP_KEEPCNT", TCP_KEEPCNT}, {"TCP_CORK", TCP_CORK},
    {"TCP_QUICKACK", TCP_QUICKACK}, {"TCP_FASTOPEN", TCP_FASTOPEN},
    {"MSG_OOB", MSG_OOB}, {"MSG_PEEK", MSG_PEEK}, {"MSG_DONTROUTE", MSG_DONTROUTE},
    {"MSG_DONTWAIT", MSG_DONTWAIT}, {"MSG_WAITALL", MSG_WAITALL}, {"MSG_NOSIGNAL", MSG_NOSIGNAL},
    {"MSG_TRUNC", MSG_TRUNC}, {"MSG_CTRUNC", MSG_CTRUNC}, {"MSG_EOR", MSG_EOR},
    {"MSG_CMSG_CLOEXEC", MSG_CMSG_CLOEXEC}, {"SCM_RIGHTS", SCM_RIGHTS},
    {"SCM_CREDENTIALS", SCM_CREDENTIALS},
    {"SHUT_RD", SHUT_RD}, {"SHUT_WR", SHUT_WR}, {"SHUT_RDWR", SHUT_RDWR},
    {"INADDR_ANY", INADDR_ANY}, {"INADDR_BROADCAST", (long long)INADDR_BROADCAST},
    {"INADDR_LOOPBACK", INADDR_LOOPBACK}, {"INADDR_NONE", (long long)INADDR_NONE},
    {"AI_PASSIVE", AI_PASSIVE}, {"AI_CANONNAME", AI_CANONNAME}, {"AI_NUMERICHOST", AI_NUMERICHOST},
    {"AI_NUMERICSERV", AI_NUMERICSERV}, {"AI_ADDRCONFIG", AI_ADDRCONFIG},
    {"AI_V4MAPPED", AI_V4MAPPED}, {"AI_ALL", AI_ALL},
    {"NI_NUMERICHOST", NI_NUMERICHOST}, {"NI_NUMERICSERV", NI_NUMERICSERV},
    {"NI_NAMEREQD", NI_NAMEREQD}, {"NI_DGRAM", NI_DGRAM}, {"NI_NOFQDN", NI_NOFQDN},
    {"NI_MAXHOST", NI_MAXHOST}, {"NI_MAXSERV", NI_MAXSERV},
    {"EAI_AGAIN", EAI_AGAIN}, {"EAI_BADFLAGS", EAI_BADFLAGS}, {"EAI_FAIL", EAI_FAIL},
    {"EAI_FAMILY", EAI_FAMILY}, {"EAI_MEMORY", EAI_MEMORY}, {"EAI_NONAME", EAI_NONAME},
    {"EAI_SERVICE", EAI_SERVICE}, {"EAI_SOCKTYPE", EAI_SOCKTYPE}, {"EAI_SYSTEM", EAI_SYSTEM},
    {"EAI_OVERFLOW", EAI_OVERFLOW},
    {nullptr, 0},
};

// type(name, (OSError,), {'__module__': 'socket'})
Object* make_exception(const char* name) {
  Ref n = Ref::steal(str_from_cstr(name));
  Ref bases = Ref::steal(tuple_pack(1, as_object(&Exc_OSError)));
  Ref d = Ref::steal(dict_new());
  Ref mod = Ref::steal(str_from_cstr("socket"));
  if (!n || !bases || !d || !mod || dict_setitem_str(d.get(), "__module__", mod.get()) < 0) {
    return nullptr;
  }
  Object* argv[3] = {n.get(), bases.get(), d.get()};
  return call(as_object(&TypeType), argv, 3);
}

}  // namespace

Object* socket_module_init() {
  if (!(SocketType.flags & TPFLAG_READY)) {
    SocketType.ob_type = &TypeType;
    make_immortal(&SocketType);
    SocketType.name = "_socket.socket";
    SocketType.basicsize = sizeof(SocketObject);
    SocketType.flags = TPFLAG_BASETYPE;
    SocketType.dealloc = sock_dealloc;
    SocketType.new_ = sock_new;
    SocketType.init = sock_init;
    SocketType.repr = sock_repr;
    SocketType.methods = kSocketMethods;
    SocketType.getset = kSocketGetSet;
    SocketType.doc = "socket(family=AF_INET, type=SOCK_STREAM, proto=0) -> socket object";
    if (type_ready(&SocketType) < 0) return nullptr;
  }
  if (!g_gaierror) {
    g_gaierror = make_exception("gaierror");
    if (!g_gaierror) return nullptr;
    g_herror = make_exception("herror");
    if (!g_herror) return nullptr;
  }
  Ref m = Ref::steal(module_new("_socket"));
  if (!m) return nullptr;
  if (module_add_object(m.get(), "socket", as_object(&SocketType)) < 0 ||
      module_add_object(m.get(), "SocketType", as_object(&SocketType)) < 0 ||
      module_add_object(m.get(), "error", as_object(&Exc_OSError)) < 0 ||
      module_add_object(m.get(), "timeout", as_object(&Exc_TimeoutError)) < 0 ||
      module_add_object(m.get(), "gaierror", g_gaierror) < 0 ||
      module_add_object(m.get(), "herror", g_herror) < 0 ||
      module_add_functions(m.get(), kModuleMethods) < 0) {
    return nullptr;
  }
  for (const IntConst* c = kConstants; c->name; ++c) {
    if (module_add_int(m.get(), c->name, c->value) < 0) return nullptr;
  }
  if (module_add_object(m.get(), "has_ipv6", True) < 0) return nullptr;
  return m.release();
}

}  // namespace gilpy
