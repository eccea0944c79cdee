/*
 * One load generator for every echo server the benchmarks compare (loopback only).
 *
 *   echo_load PORT CLIENTS WARMUP_S MEASURE_S MSG_BYTES PAUSE_MS
 *
 * Opens CLIENTS connections to 127.0.0.1:PORT at the same moment, then each client sends MSG_BYTES (a line
 * ending in '\n'), waits until the whole echo is back, checks every byte, waits PAUSE_MS (0: at once) and
 * sends the next. Requests finished during the WARMUP_S seconds are not counted. Prints one line of
 * key=value pairs: requests, req_per_s, p50_us, p99_us, max_us (request sent -> echo complete), clients
 * served (got at least one echo), first_echo_max_ms / first_echo_p50_ms (from the connect()s to each
 * client's first complete echo), bytes_sent, bytes_back, mismatches, errors.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MAX_CLIENTS 1024
#define MAX_MSG 65536
#define BUCKETS 200000 /* microseconds, 1 us each; slower requests go to the last bucket */

struct client {
    int fd;
    size_t sent;       /* bytes of the current request written */
    size_t back;       /* bytes of its echo read */
    uint64_t started;  /* ns when the request began */
    uint64_t resume;   /* ns when the next request may start (pacing), 0 = now */
    uint64_t first_echo;
    int connected;
    int waiting_out;
};

static uint64_t now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t) t.tv_sec * 1000000000ull + (uint64_t) t.tv_nsec;
}

static uint32_t hist[BUCKETS];
static uint64_t counted, max_us;

static void record(uint64_t us) {
    hist[us < BUCKETS ? us : BUCKETS - 1]++;
    counted++;
    if (us > max_us) {
        max_us = us;
    }
}

static uint64_t percentile(double p) {
    uint64_t want = (uint64_t) (p * (double) counted);
    uint64_t seen = 0;
    for (int i = 0; i < BUCKETS; i++) {
        seen += hist[i];
        if (seen > want) {
            return (uint64_t) i;
        }
    }
    return BUCKETS;
}

static int cmp_u64(const void *a, const void *b) {
    uint64_t x = *(const uint64_t *) a, y = *(const uint64_t *) b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
    if (argc != 7) {
        fprintf(stderr, "usage: %s PORT CLIENTS WARMUP_S MEASURE_S MSG_BYTES PAUSE_MS\n", argv[0]);
        return 2;
    }
    int port = atoi(argv[1]);
    int n = atoi(argv[2]);
    double warmup = atof(argv[3]);
    double measure = atof(argv[4]);
    size_t msg_len = (size_t) atoi(argv[5]);
    uint64_t pause_ns = (uint64_t) atoll(argv[6]) * 1000000ull;
    if (n < 1 || n > MAX_CLIENTS || msg_len < 2 || msg_len > MAX_MSG) {
        fprintf(stderr, "clients 1..%d, message 2..%d bytes\n", MAX_CLIENTS, MAX_MSG);
        return 2;
    }
    static char msg[MAX_MSG], in[MAX_MSG];
    for (size_t i = 0; i < msg_len - 1; i++) {
        msg[i] = (char) ('a' + i % 26);
    }
    msg[msg_len - 1] = '\n';

    static struct client c[MAX_CLIENTS];
    int ep = epoll_create1(0);
    struct sockaddr_in to = {.sin_family = AF_INET, .sin_port = htons((uint16_t) port)};
    to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    uint64_t t0 = now_ns();
    for (int i = 0; i < n; i++) {
        c[i].fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
        int one = 1;
        setsockopt(c[i].fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        if (connect(c[i].fd, (struct sockaddr *) &to, sizeof to) < 0 && errno != EINPROGRESS) {
            perror("connect");
            return 1;
        }
        struct epoll_event ev = {.events = EPOLLOUT | EPOLLIN, .data.u32 = (uint32_t) i};
        epoll_ctl(ep, EPOLL_CTL_ADD, c[i].fd, &ev);
        c[i].waiting_out = 1;
    }
    uint64_t measure_from = t0 + (uint64_t) (warmup * 1e9);
    uint64_t end = measure_from + (uint64_t) (measure * 1e9);
    uint64_t requests = 0, bytes_sent = 0, bytes_back = 0, mismatches = 0, errors = 0;
    struct epoll_event evs[256];
    for (;;) {
        uint64_t now = now_ns();
        if (now >= end) {
            break;
        }
        /* start paced requests whose pause is over */
        int soonest_ms = 50;
        for (int i = 0; i < n; i++) {
            if (c[i].connected && c[i].fd >= 0 && c[i].sent == 0 && c[i].resume != 0) {
                if (c[i].resume <= now) {
                    c[i].resume = 0;
                    c[i].started = now;
                    ssize_t w = send(c[i].fd, msg, msg_len, MSG_NOSIGNAL);
                    if (w > 0) {
                        c[i].sent = (size_t) w;
                        bytes_sent += (uint64_t) w;
                    }
                    if (c[i].sent < msg_len && !c[i].waiting_out) {
                        struct epoll_event ev = {.events = EPOLLOUT | EPOLLIN, .data.u32 = (uint32_t) i};
                        epoll_ctl(ep, EPOLL_CTL_MOD, c[i].fd, &ev);
                        c[i].waiting_out = 1;
                    }
                } else {
                    int ms = (int) ((c[i].resume - now) / 1000000ull);
                    if (ms < soonest_ms) {
                        soonest_ms = ms;
                    }
                }
            }
        }
        int k = epoll_wait(ep, evs, 256, pause_ns ? soonest_ms : 50);
        now = now_ns();
        for (int e = 0; e < k; e++) {
            struct client *cl = &c[evs[e].data.u32];
            if (cl->fd < 0) {
                continue;
            }
            if (evs[e].events & (EPOLLERR | EPOLLHUP)) {
                errors++;
                close(cl->fd);
                cl->fd = -1;
                continue;
            }
            if (!cl->connected && (evs[e].events & EPOLLOUT)) {
                cl->connected = 1;
                cl->started = now;
            }
            if ((evs[e].events & EPOLLOUT) && cl->sent < msg_len && cl->resume == 0) {
                ssize_t w = send(cl->fd, msg + cl->sent, msg_len - cl->sent, MSG_NOSIGNAL);
                if (w > 0) {
                    cl->sent += (size_t) w;
                    bytes_sent += (uint64_t) w;
                }
                if (cl->sent == msg_len && cl->waiting_out) {
                    struct epoll_event ev = {.events = EPOLLIN, .data.u32 = evs[e].data.u32};
                    epoll_ctl(ep, EPOLL_CTL_MOD, cl->fd, &ev);
                    cl->waiting_out = 0;
                }
            }
            if (evs[e].events & EPOLLIN) {
                ssize_t r = recv(cl->fd, in, sizeof in, 0);
                if (r == 0 || (r < 0 && errno != EAGAIN)) {
                    errors++;
                    close(cl->fd);
                    cl->fd = -1;
                    continue;
                }
                if (r < 0) {
                    continue;
                }
                bytes_back += (uint64_t) r;
                for (ssize_t j = 0; j < r; j++) {
                    if (cl->back + (size_t) j >= msg_len || in[j] != msg[cl->back + (size_t) j]) {
                        mismatches++;
                        break;
                    }
                }
                cl->back += (size_t) r;
                if (cl->back >= msg_len) {
                    if (cl->first_echo == 0) {
                        cl->first_echo = now;
                    }
                    if (cl->started >= measure_from) {
                        record((now - cl->started) / 1000ull);
                        requests++;
                    }
                    cl->sent = 0;
                    cl->back = 0;
                    if (pause_ns) {
                        cl->resume = now + pause_ns;
                    } else {
                        cl->started = now;
                        ssize_t w = send(cl->fd, msg, msg_len, MSG_NOSIGNAL);
                        if (w > 0) {
                            cl->sent = (size_t) w;
                            bytes_sent += (uint64_t) w;
                        }
                        if (cl->sent < msg_len && !cl->waiting_out) {
                            struct epoll_event ev = {.events = EPOLLOUT | EPOLLIN, .data.u32 = evs[e].data.u32};
                            epoll_ctl(ep, EPOLL_CTL_MOD, cl->fd, &ev);
                            cl->waiting_out = 1;
                        }
                    }
                }
            }
        }
    }
    /* what is still in flight is not lost: give the last echoes a moment to come back */
    uint64_t drain_end = now_ns() + 2000000000ull;
    uint64_t in_flight = 0;
    for (int i = 0; i < n; i++) {
        if (c[i].fd >= 0 && c[i].sent > c[i].back) {
            in_flight++;
        }
    }
    while (in_flight > 0 && now_ns() < drain_end) {
        int k = epoll_wait(ep, evs, 256, 100);
        for (int e = 0; e < k; e++) {
            struct client *cl = &c[evs[e].data.u32];
            if (cl->fd < 0 || !(evs[e].events & EPOLLIN)) {
                continue;
            }
            ssize_t r = recv(cl->fd, in, sizeof in, 0);
            if (r <= 0) {
                continue;
            }
            bytes_back += (uint64_t) r;
            cl->back += (size_t) r;
            if (cl->back >= cl->sent && cl->sent > 0) {
                in_flight--;
                cl->sent = cl->back = 0;
            }
        }
    }
    uint64_t firsts[MAX_CLIENTS];
    int served = 0;
    for (int i = 0; i < n; i++) {
        if (c[i].first_echo) {
            firsts[served++] = (c[i].first_echo - t0) / 1000000ull;
        }
        if (c[i].fd >= 0) {
            close(c[i].fd);
        }
    }
    qsort(firsts, (size_t) served, sizeof firsts[0], cmp_u64);
    printf("requests=%llu req_per_s=%.0f p50_us=%llu p99_us=%llu max_us=%llu served=%d clients=%d "
           "first_echo_p50_ms=%llu first_echo_max_ms=%llu bytes_sent=%llu bytes_back=%llu lost_bytes=%lld "
           "mismatches=%llu errors=%llu\n",
           (unsigned long long) requests, (double) requests / measure, (unsigned long long) percentile(0.50),
           (unsigned long long) percentile(0.99), (unsigned long long) max_us, served, n,
           (unsigned long long) (served ? firsts[served / 2] : 0),
           (unsigned long long) (served ? firsts[served - 1] : 0), (unsigned long long) bytes_sent,
           (unsigned long long) bytes_back, (long long) (bytes_sent - bytes_back), (unsigned long long) mismatches,
           (unsigned long long) errors);
    return 0;
}
