/* echo_server_ipv6.c - an iterative echo server on one IPv6 socket that takes IPv4 clients too.
 * Build: cc -Wall -Wextra -o echo_server_ipv6 echo_server_ipv6.c
 * Run:   ./echo_server_ipv6 9090     Try: nc 127.0.0.1 9090   and   nc -6 ::1 9090
 * Trace: java -jar socketstage.jar --no-gui --program -- ./echo_server_ipv6 9090 */
#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define BACKLOG   5
#define NO_FAMILY (-2)

static volatile sig_atomic_t stop;   /* set by Ctrl-C (SIGINT) or SIGTERM */

static void on_signal(int sig)
{
    (void) sig;
    stop = 1;
}

/* send() may take only part of the buffer: keep going until every byte is handed over. */
static int send_all(int connfd, const char *buf, size_t len)
{
    while (len > 0) {
        ssize_t sent = send(connfd, buf, len, MSG_NOSIGNAL);
        if (sent == -1) {
            if (errno == EINTR)
                continue;   /* a signal interrupted the call: make it again */
            return -1;      /* EPIPE, ECONNRESET: this client is gone */
        }
        buf += sent;
        len -= (size_t) sent;
    }
    return 0;
}

/* socket, options, bind, listen for one address from getaddrinfo(). -1 if a step fails; NO_FAMILY if
 * socket() itself fails, which means this machine cannot make sockets of that family at all. */
static int listen_on(const struct addrinfo *ai)
{
    int fd = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);
    if (fd == -1) {
        perror("socket");   /* e.g. EAFNOSUPPORT on a machine without IPv6 */
        return NO_FAMILY;
    }
    int yes = 1;   /* let a restarted server bind while old connections sit in TIME_WAIT */
    if (setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes) == -1) {
        perror("setsockopt SO_REUSEADDR");
        close(fd);
        return -1;
    }
    if (ai->ai_family == AF_INET6) {
        /* 0: this socket takes IPv4 clients too (as ::ffff:a.b.c.d). 0 is Linux's usual default, but
         * the default comes from net.ipv6.bindv6only, which an administrator may set to 1: say it. */
        int no = 0;
        if (setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &no, sizeof no) == -1) {
            perror("setsockopt IPV6_V6ONLY");
            close(fd);
            return -1;
        }
    }
    if (bind(fd, ai->ai_addr, ai->ai_addrlen) == -1) {
        perror("bind");
        close(fd);
        return -1;
    }
    if (listen(fd, BACKLOG) == -1) {
        perror("listen");
        close(fd);
        return -1;
    }
    return fd;
}

/* The bind loop: try each address getaddrinfo() gives for this family until one listens. Returns the
 * listening socket, -1 if an address of the family was there but failed (EADDRINUSE ...), NO_FAMILY if not. */
static int listen_any(const char *port, int family)
{
    struct addrinfo hints, *res, *ai;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = family;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE;   /* addresses to bind, not to connect to: "::" or "0.0.0.0" */
    int err = getaddrinfo(NULL, port, &hints, &res);
    if (err != 0) {
        fprintf(stderr, "getaddrinfo: %s\n", gai_strerror(err));   /* its own codes, not errno */
        return NO_FAMILY;
    }
    int fd = NO_FAMILY;
    for (ai = res; ai != NULL && fd < 0; ai = ai->ai_next) {
        int got = listen_on(ai);
        if (got != NO_FAMILY || fd == NO_FAMILY)
            fd = got;
    }
    freeaddrinfo(res);
    return fd;
}

/* The peer as text: [::ffff:127.0.0.1]:51234 for an IPv4 client of a dual-stack socket. */
static void print_peer(const struct sockaddr_storage *peer)
{
    char host[INET6_ADDRSTRLEN];
    const void *addr;
    unsigned port;
    if (peer->ss_family == AF_INET6) {
        const struct sockaddr_in6 *p6 = (const struct sockaddr_in6 *) peer;
        addr = &p6->sin6_addr;
        port = ntohs(p6->sin6_port);
    } else {
        const struct sockaddr_in *p4 = (const struct sockaddr_in *) peer;
        addr = &p4->sin_addr;
        port = ntohs(p4->sin_port);
    }
    if (inet_ntop(peer->ss_family, addr, host, sizeof host) != NULL)
        printf(peer->ss_family == AF_INET6 ? "client [%s]:%u\n" : "client %s:%u\n", host, port);
}

int main(int argc, char *argv[])
{
    const char *port = argc > 1 ? argv[1] : "9090";
    setvbuf(stdout, NULL, _IOLBF, 0);   /* one line at a time, also into a pipe */

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;   /* no SA_RESTART: a blocked accept() or recv() returns -1 with EINTR */
    if (sigaction(SIGINT, &sa, NULL) == -1 || sigaction(SIGTERM, &sa, NULL) == -1) {
        perror("sigaction");
        exit(EXIT_FAILURE);
    }

    /* One IPv6 socket serves both families, so ask for IPv6 addresses only. AF_UNSPEC would list
     * 0.0.0.0 before :: (and glibc would open a UDP socket to sort the list). Only on a machine that
     * cannot make IPv6 sockets fall back to IPv4; a bind() that fails (EADDRINUSE) is the end. */
    int listenfd = listen_any(port, AF_INET6);
    if (listenfd == NO_FAMILY)
        listenfd = listen_any(port, AF_INET);
    if (listenfd < 0) {
        fprintf(stderr, "could not listen on port %s\n", port);
        exit(EXIT_FAILURE);
    }
    printf("echo_server_ipv6: listening on port %s\n", port);

    while (!stop) {   /* Ctrl-C ends the loop; SocketStage's Stop does the same */
        struct sockaddr_storage peer;      /* room for an IPv4 or an IPv6 peer */
        socklen_t peerlen = sizeof peer;   /* in: room in peer; out: bytes accept() wrote */
        int connfd = accept(listenfd, (struct sockaddr *) &peer, &peerlen);
        if (connfd == -1) {
            int e = errno;
            if (e == EINTR)
                continue;   /* a signal: look at the stop flag, then call again */
            perror("accept");
            if (e == EMFILE || e == ENFILE)
                sleep(1);   /* out of descriptors: pause instead of spinning, then retry */
            continue;       /* one failed accept() must not end the server */
        }
        print_peer(&peer);

        char buf[4096];
        while (!stop) {
            ssize_t n = recv(connfd, buf, sizeof buf, 0);
            if (n == -1) {
                if (errno == EINTR)
                    continue;
                perror("recv");   /* ECONNRESET: the client aborted */
                break;
            }
            if (n == 0)   /* the client closed its side */
                break;
            if (n >= 4 && memcmp(buf, "exit", 4) == 0)
                break;
            if (send_all(connfd, buf, (size_t) n) == -1) {
                perror("send");
                break;
            }
        }
        if (close(connfd) == -1)
            perror("close");
    }

    if (close(listenfd) == -1)   /* reached once a signal has set stop */
        perror("close");
    return 0;
}
