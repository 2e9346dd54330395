// The `select` module: select(), poll objects and epoll objects (CPython's Modules/selectmodule.c,
// Linux).
//
// Every wait happens outside the GIL (BlockingSection, modules/os_syscalls.h). On EINTR the
// Python signal handlers run (with the GIL) and the wait is retried with the remaining time
// (PEP 475); a handler that raises ends the call with its exception.
//  - select(rlist, wlist, xlist[, timeout]): the lists hold ints or objects with fileno(); the
//    results are lists of the original objects, in the order given.
//  - poll(): register/modify/unregister keep the registrations in insertion order (CPython keeps a
//    dict), so poll() reports events in that order; timeouts are in milliseconds.
//  - epoll(sizehint=-1, flags=0): register/modify/unregister/poll(timeout seconds, maxevents),
//    close, closed, fileno, fromfd, context manager.
#include <poll.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cmath>
#include <utility>
#include <vector>

#include "core/abstract.h"
#include "core/args.h"
#include "core/error.h"
#include "modules/modules.h"
#include "modules/os_syscalls.h"
#include "objects/containers.h"
#include "objects/floatobject.h"
#include "objects/intobject.h"
#include "objects/moduleobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"

namespace gilpy {

namespace {

double monotonic_now() {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}

// CPython's PyObject_AsFileDescriptor.
bool as_fd(Object* o, int* fd) {
  Ref v;
  if (int_check(o)) {
    v = Ref::borrow(o);
  } else {
    Ref name = Ref::steal(str_from_cstr("fileno"));
    if (!name) return false;
    if (!type_lookup_borrowed(type_of(o), name.get())) {
      err_set_string(&Exc_TypeError, "argument must be an int, or have a fileno() method.");
      return false;
    }
    v = Ref::steal(call_method0(o, "fileno"));
    if (!v) return false;
    if (!int_check(v.get())) {
      err_set_string(&Exc_TypeError, "fileno() returned a non-integer");
      return false;
    }
  }
  bool overflow = false;
  int64_t x = int_as_i64(v.get(), &overflow);
  if (overflow || x > INT_MAX || x < INT_MIN) {
    err_set_string(&Exc_OverflowError, "Python int too large to convert to C int");
    return false;
  }
  if (x < 0) {
    err_format(&Exc_ValueError, "file descriptor cannot be a negative integer (%d)", int(x));
    return false;
  }
  *fd = int(x);
  return true;
}

// A timeout in seconds: None -> -1 (forever); `msg` for the TypeError.
bool seconds_arg(Object* o, double* out, const char* type_msg) {
  if (!o || o == None) {
    *out = -1;
    return true;
  }
  double t;
  if (float_check(o)) {
    t = float_value(o);
    if (std::isnan(t)) {
      err_set_string(&Exc_ValueError, "Invalid value NaN (not a number)");
      return false;
    }
  } else if (int_check(o) || index_check(o)) {
    Ref i = Ref::steal(number_index(o));
    if (!i) return false;
    t = int_as_double(i.get());
    if (t == -1.0 && err_occurred()) return false;
  } else {
    err_set_string(&Exc_TypeError, type_msg);
    return false;
  }
  *out = t;
  return true;
}

struct FdEntry {
  int fd;
  Object* obj;  // borrowed from the sequence (kept alive by the `seq` list)
};

bool seq_to_fds(Object* seq, std::vector<FdEntry>* out, Ref* keep) {
  Ref list = Ref::steal(sequence_list(seq));
  if (!list) {
    if (err_matches(&Exc_TypeError)) {
      err_clear();
      err_set_string(&Exc_TypeError, "arguments 1-3 must be sequences");
    }
    return false;
  }
  for (ssize i = 0; i < list_size(list.get()); ++i) {
    Object* o = list_get_borrowed(list.get(), i);
    int fd;
    if (!as_fd(o, &fd)) return false;
    if (fd >= FD_SETSIZE) {
      err_set_string(&Exc_ValueError, "filedescriptor out of range in select()");
      return false;
    }
    out->push_back({fd, o});
  }
  *keep = std::move(list);
  return true;
}

Object* fds_result(const std::vector<FdEntry>& fds, const fd_set& set) {
  Ref list = Ref::steal(list_new(0));
  if (!list) return nullptr;
  for (const FdEntry& e : fds) {
    if (FD_ISSET(e.fd, &set) && list_append(list.get(), e.obj) < 0) return nullptr;
  }
  return list.release();
}

Object* select_select(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("select", kwnames) || !check_positional("select", nargs, 3, 4)) {
    return nullptr;
  }
  double timeout;
  if (!seconds_arg(nargs > 3 ? args[3] : nullptr, &timeout, "timeout must be a float or None")) {
    return nullptr;
  }
  if (nargs > 3 && args[3] != None && timeout < 0) {
    return err_format(&Exc_ValueError, "timeout must be non-negative");
  }
  std::vector<FdEntry> fds[3];
  Ref keep[3];
  for (int k = 0; k < 3; ++k) {
    if (!seq_to_fds(args[k], &fds[k], &keep[k])) return nullptr;
  }
  double deadline = timeout >= 0 ? monotonic_now() + timeout : 0;
  fd_set sets[3];
  for (;;) {
    int maxfd = -1;
    for (int k = 0; k < 3; ++k) {
      FD_ZERO(&sets[k]);
      for (const FdEntry& e : fds[k]) {
        FD_SET(e.fd, &sets[k]);
        if (e.fd > maxfd) maxfd = e.fd;
      }
    }
    struct timeval tv, *tvp = nullptr;
    if (timeout >= 0) {
      double remaining = deadline - monotonic_now();
      if (remaining < 0) remaining = 0;
      tv.tv_sec = time_t(remaining);
      tv.tv_usec = suseconds_t((remaining - double(tv.tv_sec)) * 1e6);
      tvp = &tv;
    }
    int r;
    {
      BlockingSection section;
      r = ::select(maxfd + 1, &sets[0], &sets[1], &sets[2], tvp);
    }
    if (r >= 0) break;
    if (errno != EINTR) return err_set_from_errno(&Exc_OSError);
    if (check_signals() < 0) return nullptr;
  }
  Ref r0 = Ref::steal(fds_result(fds[0], sets[0]));
  Ref r1 = Ref::steal(fds_result(fds[1], sets[1]));
  Ref r2 = Ref::steal(fds_result(fds[2], sets[2]));
  if (!r0 || !r1 || !r2) return nullptr;
  return tuple_pack(3, r0.get(), r1.get(), r2.get());
}

// ---- poll ---------------------------------------------------------------------------------------

TypeObject PollType;

struct PollObject : Object {
  std::vector<std::pair<int, short>>* fds;  // insertion order
  bool polling;
};

PollObject* as_poll(Object* o) { return static_cast<PollObject*>(o); }

void poll_dealloc(Object* self) {
  delete as_poll(self)->fds;
  object_free(self);
}

bool mask_arg(Object* o, short* out) {
  Ref i = Ref::steal(number_index(o));
  if (!i) return false;
  bool overflow = false;
  int64_t v = int_as_i64(i.get(), &overflow);
  if (!overflow && v < 0) {
    err_set_string(&Exc_ValueError, "value must be positive");
    return false;
  }
  if (overflow || v > 0xffff) {
    err_set_string(&Exc_OverflowError, "Python int too large for C unsigned short");
    return false;
  }
  *out = short(uint16_t(v));
  return true;
}

Object* poll_register(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("register", kwnames) || !check_positional("register", nargs, 1, 2)) {
    return nullptr;
  }
  int fd;
  if (!as_fd(args[0], &fd)) return nullptr;
  short mask = POLLIN | POLLPRI | POLLOUT;
  if (nargs > 1 && !mask_arg(args[1], &mask)) return nullptr;
  auto& v = *as_poll(self)->fds;
  for (auto& e : v) {
    if (e.first == fd) {
      e.second = mask;
      return none_ref();
    }
  }
  v.emplace_back(fd, mask);
  return none_ref();
}

Object* poll_modify(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("modify", kwnames) || !check_positional("modify", nargs, 2, 2)) {
    return nullptr;
  }
  int fd;
  short mask;
  if (!as_fd(args[0], &fd) || !mask_arg(args[1], &mask)) return nullptr;
  for (auto& e : *as_poll(self)->fds) {
    if (e.first == fd) {
      e.second = mask;
      return none_ref();
    }
  }
  errno = ENOENT;
  return err_set_from_errno(&Exc_OSError);
}

Object* poll_unregister(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("unregister", nargs, kwnames)) return nullptr;
  int fd;
  if (!as_fd(args[0], &fd)) return nullptr;
  auto& v = *as_poll(self)->fds;
  for (size_t i = 0; i < v.size(); ++i) {
    if (v[i].first == fd) {
      v.erase(v.begin() + ssize(i));
      return none_ref();
    }
  }
  Ref key = Ref::steal(int_from_i64(fd));
  if (key) err_set(&Exc_KeyError, key.get());
  return nullptr;
}

Object* poll_poll(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("poll", kwnames) || !check_positional("poll", nargs, 0, 1)) return nullptr;
  PollObject* p = as_poll(self);
  double ms = -1;
  if (nargs == 1 && args[0] != None) {
    if (!int_check(args[0]) && !float_check(args[0]) && !index_check(args[0])) {
      return err_format(&Exc_TypeError, "timeout must be an integer or None");
    }
    if (!seconds_arg(args[0], &ms, "timeout must be an integer or None")) return nullptr;
    if (ms >= 0) ms = std::ceil(ms);
  }
  if (p->polling) return err_format(&Exc_RuntimeError, "concurrent poll() invocation");
  std::vector<struct pollfd> pfds;
  for (auto& e : *p->fds) pfds.push_back({e.first, e.second, 0});
  double deadline = ms >= 0 ? monotonic_now() + ms / 1000.0 : 0;
  int r;
  p->polling = true;
  for (;;) {
    int t = -1;
    if (ms >= 0) {
      double remaining = (deadline - monotonic_now()) * 1000.0;
      t = remaining <= 0 ? 0 : int(std::ceil(remaining));
    }
    {
      BlockingSection section;
      r = ::poll(pfds.data(), nfds_t(pfds.size()), t);
    }
    if (r >= 0) break;
    if (errno != EINTR) {
      p->polling = false;
      return err_set_from_errno(&Exc_OSError);
    }
    if (check_signals() < 0) {
      p->polling = false;
      return nullptr;
    }
  }
  p->polling = false;
  Ref list = Ref::steal(list_new(0));
  if (!list) return nullptr;
  for (auto& pf : pfds) {
    if (!pf.revents) continue;
    Ref fd = Ref::steal(int_from_i64(pf.fd));
    Ref ev = Ref::steal(int_from_i64(uint16_t(pf.revents)));
    if (!fd || !ev) return nullptr;
    Ref t = Ref::steal(tuple_pack(2, fd.get(), ev.get()));
    if (!t || list_append(list.get(), t.get()) < 0) return nullptr;
  }
  return list.release();
}

const MethodDef kPollMethods[] = {
    {"register", poll_register, METH_DEFAULT, "Register a file descriptor with the polling object."},
    {"modify", poll_modify, METH_DEFAULT, "Modify an already registered file descriptor."},
    {"unregister", poll_unregister, METH_DEFAULT, "Remove a file descriptor being tracked by the polling object."},
    {"poll", poll_poll, METH_DEFAULT, "Polls the set of registered file descriptors."},
    {nullptr, nullptr, 0, nullptr},
};

Object* select_poll(Object*, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("poll", nargs, kwnames)) return nullptr;
  auto* p = alloc_object<PollObject>(&PollType);
  if (!p) return nullptr;
  p->fds = new std::vector<std::pair<int, short>>();
  p->polling = false;
  return p;
}

// ---- epoll --------------------------------------------------------------------------------------

TypeObject EpollType;

struct EpollObject : Object {
  int epfd;
};

EpollObject* as_ep(Object* o) { return static_cast<EpollObject*>(o); }

Object* epoll_closed_error() {
  return err_format(&Exc_ValueError, "I/O operation on closed epoll object");
}

Object* epoll_create(TypeObject* type, int fd) {
  auto* e = alloc_object<EpollObject>(type);
  if (!e) {
    if (fd >= 0) ::close(fd);
    return nullptr;
  }
  e->epfd = fd;
  return e;
}

Object* epoll_new(TypeObject* type, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"sizehint", "flags", nullptr};
  static const ArgSpec spec{"epoll", names, 0, 2};
  Object* a[2];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  if (a[0]) {
    Ref i = Ref::steal(number_index(a[0]));
    if (!i) return nullptr;
    ssize n = int_as_ssize(i.get());
    if (n == -1 && err_occurred()) return nullptr;
    if (n == 0 || n < -1) return err_format(&Exc_ValueError, "negative sizehint");
  }
  int fd = epoll_create1(EPOLL_CLOEXEC);
  if (fd < 0) return err_set_from_errno(&Exc_OSError);
  return epoll_create(type, fd);
}

void epoll_dealloc(Object* self) {
  if (as_ep(self)->epfd >= 0) ::close(as_ep(self)->epfd);
  object_free(self);
}

Object* epoll_close(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("close", nargs, kwnames)) return nullptr;
  EpollObject* e = as_ep(self);
  if (e->epfd >= 0) {
    int fd = e->epfd;
    e->epfd = -1;
    if (sys_close(fd) < 0) return err_set_from_errno(&Exc_OSError);
  }
  return none_ref();
}

Object* epoll_fileno(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("fileno", nargs, kwnames)) return nullptr;
  if (as_ep(self)->epfd < 0) return epoll_closed_error();
  return int_from_i64(as_ep(self)->epfd);
}

Object* epoll_get_closed(Object* self) { return bool_from(as_ep(self)->epfd < 0); }

Object* epoll_ctl_impl(Object* self, Object* const* args, ssize nargs, Object* kwnames,
                       const char* fname, int op) {
  static const char* const names_reg[] = {"fd", "eventmask", nullptr};
  static const char* const names_unreg[] = {"fd", nullptr};
  ArgSpec spec{fname, op == EPOLL_CTL_DEL ? names_unreg : names_reg,
               op == EPOLL_CTL_MOD ? 2 : 1, op == EPOLL_CTL_DEL ? 1 : 2};
  Object* a[2] = {nullptr, nullptr};
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  EpollObject* e = as_ep(self);
  if (e->epfd < 0) return epoll_closed_error();
  int fd;
  if (!as_fd(a[0], &fd)) return nullptr;
  struct epoll_event ev;
  ev.events = EPOLLIN | EPOLLPRI | EPOLLOUT;
  ev.data.u64 = 0;
  ev.data.fd = fd;
  if (op != EPOLL_CTL_DEL && a[1]) {
    Ref i = Ref::steal(number_index(a[1]));
    if (!i) return nullptr;
    bool overflow = false;
    int64_t v = int_as_i64(i.get(), &overflow);
    if (overflow || v > 0xffffffffLL || v < INT_MIN) {
      return err_format(&Exc_OverflowError, "Python int too large to convert to C unsigned int");
    }
    ev.events = uint32_t(v);
  }
  if (epoll_ctl(e->epfd, op, fd, &ev) < 0) return err_set_from_errno(&Exc_OSError);
  return none_ref();
}

Object* epoll_register(Object* self, Object* const* a, ssize n, Object* k) {
  return epoll_ctl_impl(self, a, n, k, "register", EPOLL_CTL_ADD);
}
Object* epoll_modify(Object* self, Object* const* a, ssize n, Object* k) {
  return epoll_ctl_impl(self, a, n, k, "modify", EPOLL_CTL_MOD);
}
Object* epoll_unregister(Object* self, Object* const* a, ssize n, Object* k) {
  return epoll_ctl_impl(self, a, n, k, "unregister", EPOLL_CTL_DEL);
}

Object* epoll_poll(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"timeout", "maxevents", nullptr};
  static const ArgSpec spec{"poll", names, 0, 2};
  Object* a[2];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  EpollObject* e = as_ep(self);
  if (e->epfd < 0) return epoll_closed_error();
  double timeout;
  if (!seconds_arg(a[0], &timeout, "timeout must be an integer or None")) return nullptr;
  int maxevents = -1;
  if (a[1]) {
    Ref i = Ref::steal(number_index(a[1]));
    if (!i) return nullptr;
    maxevents = int(int_as_ssize(i.get()));
    if (maxevents == -1 && err_occurred()) return nullptr;
  }
  if (maxevents == -1) {
    maxevents = FD_SETSIZE - 1;
  } else if (maxevents < 1) {
    return err_format(&Exc_ValueError, "maxevents must be greater than 0, got %d", maxevents);
  }
  std::vector<epoll_event> evs;
  evs.resize(size_t(maxevents));
  double deadline = timeout >= 0 ? monotonic_now() + timeout : 0;
  int r;
  for (;;) {
    int ms = -1;
    if (timeout >= 0) {
      double remaining = (deadline - monotonic_now()) * 1000.0;
      ms = remaining <= 0 ? 0 : int(std::ceil(remaining));
    }
    {
      BlockingSection section;
      r = epoll_wait(e->epfd, evs.data(), maxevents, ms);
    }
    if (r >= 0) break;
    if (errno != EINTR) return err_set_from_errno(&Exc_OSError);
    if (check_signals() < 0) return nullptr;
  }
  Ref list = Ref::steal(list_new(0));
  if (!list) return nullptr;
  for (int i = 0; i < r; ++i) {
    Ref fd = Ref::steal(int_from_i64(evs[size_t(i)].data.fd));
    Ref ev = Ref::steal(int_from_u64(evs[size_t(i)].events));
    if (!fd || !ev) return nullptr;
    Ref t = Ref::steal(tuple_pack(2, fd.get(), ev.get()));
    if (!t || list_append(list.get(), t.get()) < 0) return nullptr;
  }
  return list.release();
}

Object* epoll_enter(Object* self, Object* const*, ssize, Object*) {
  if (as_ep(self)->epfd < 0) return epoll_closed_error();
  return newref(self);
}

Object* epoll_exit(Object* self, Object* const*, ssize, Object*) {
  return epoll_close(self, nullptr, 0, nullptr);
}

Object* epoll_fromfd(Object* cls, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("fromfd", nargs, kwnames)) return nullptr;
  int fd;
  if (!as_fd(args[0], &fd)) return nullptr;
  return epoll_create(static_cast<TypeObject*>(cls), fd);
}

const MethodDef kEpollMethods[] = {
    {"close", epoll_close, METH_DEFAULT, "Close the epoll control file descriptor."},
    {"fileno", epoll_fileno, METH_DEFAULT, "Return the epoll control file descriptor."},
    {"register", epoll_register, METH_DEFAULT, "Registers a new fd or raises an OSError if the fd is already registered."},
    {"modify", epoll_modify, METH_DEFAULT, "Modify event mask for a registered file descriptor."},
    {"unregister", epoll_unregister, METH_DEFAULT, "Remove a registered file descriptor from the epoll object."},
    {"poll", epoll_poll, METH_DEFAULT, "Wait for events on the epoll file descriptor."},
    {"__enter__", epoll_enter, METH_DEFAULT, nullptr},
    {"__exit__", epoll_exit, METH_DEFAULT, nullptr},
    {"fromfd", epoll_fromfd, METH_CLASS, "Create an epoll object from a given control fd."},
    {nullptr, nullptr, 0, nullptr},
};

const GetSetDef kEpollGetSet[] = {
    {"closed", epoll_get_closed, nullptr, "True if the epoll handler is closed"},
    {nullptr, nullptr, nullptr, nullptr},
};

const MethodDef kModuleMethods[] = {
    {"select", select_select, METH_DEFAULT, "Wait until one or more file descriptors are ready for some kind of I/O."},
    {"poll", select_poll, METH_DEFAULT, "Returns a polling object."},
    {nullptr, nullptr, 0, nullptr},
};

struct IntConst {
  const char* name;
  long long value;
};

const IntConst kConstants[] = {
    {"POLLIN", POLLIN}, {"POLLPRI", POLLPRI}, {"POLLOUT", POLLOUT}, {"POLLERR", POLLERR},
    {"POLLHUP", POLLHUP}, {"POLLNVAL", POLLNVAL}, {"POLLRDNORM", POLLRDNORM},
    {"POLLRDBAND", POLLRDBAND}, {"POLLWRNORM", POLLWRNORM}, {"POLLWRBAND", POLLWRBAND},
    {"POLLMSG", POLLMSG}, {"POLLRDHUP", POLLRDHUP},
    {"EPOLLIN", EPOLLIN}, {"EPOLLOUT", EPOLLOUT}, {"EPOLLPRI", EPOLLPRI}, {"EPOLLERR", EPOLLERR},
    {"EPOLLHUP", EPOLLHUP}, {"EPOLLET", (long long)(unsigned)EPOLLET},
    {"EPOLLONESHOT", EPOLLONESHOT}, {"EPOLLEXCLUSIVE", EPOLLEXCLUSIVE},
    {"EPOLLRDHUP", EPOLLRDHUP}, {"EPOLLRDNORM", EPOLLRDNORM}, {"EPOLLRDBAND", EPOLLRDBAND},
    {"EPOLLWRNORM", EPOLLWRNORM}, {"EPOLLWRBAND", EPOLLWRBAND}, {"EPOLLMSG", EPOLLMSG},
    {"EPOLL_CLOEXEC", EPOLL_CLOEXEC},
    {"PIPE_BUF", PIPE_BUF},
    {nullptr, 0},
};

}  // namespace

Object* select_module_init() {
  if (!(PollType.flags & TPFLAG_READY)) {
    PollType.ob_type = &TypeType;
    make_immortal(&PollType);
    PollType.name = "select.poll";
    PollType.basicsize = sizeof(PollObject);
    PollType.dealloc = poll_dealloc;
    PollType.methods = kPollMethods;
    if (type_ready(&PollType) < 0) return nullptr;

    EpollType.ob_type = &TypeType;
    make_immortal(&EpollType);
    EpollType.name = "select.epoll";
    EpollType.basicsize = sizeof(EpollObject);
    EpollType.flags = TPFLAG_BASETYPE;
    EpollType.dealloc = epoll_dealloc;
    EpollType.new_ = epoll_new;
    EpollType.methods = kEpollMethods;
    EpollType.getset = kEpollGetSet;
    EpollType.doc = "select.epoll(sizehint=-1, flags=0)";
    if (type_ready(&EpollType) < 0) return nullptr;
  }
  Ref m = Ref::steal(module_new("select"));
  if (!m) return nullptr;
  if (module_add_functions(m.get(), kModuleMethods) < 0 ||
      module_add_object(m.get(), "error", as_object(&Exc_OSError)) < 0 ||
      module_add_object(m.get(), "epoll", as_object(&EpollType)) < 0) {
    return nullptr;
  }
  for (const IntConst* c = kConstants; c->name; ++c) {
    if (module_add_int(m.get(), c->name, c->value) < 0) return nullptr;
  }
  return m.release();
}

}  // namespace gilpy
