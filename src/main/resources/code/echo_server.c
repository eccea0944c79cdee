/* echo_server.c - the server SocketStage runs, one system call at a time.
 * Build: cc -o echo_server echo_server.c   Run: ./echo_server   Try: nc 127.0.0.1 9090 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define PORT    9090
#define BACKLOG 5

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
            return -1;
        }
        buf += sent;
        len -= (size_t) sent;
    }
    return 0;
}

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;   /* no SA_RESTART: a blocked accept() or recv() returns -1 with EINTR */
    if (sigaction(SIGINT, &sa, NULL) == -1 || sigaction(SIGTERM, &sa, NULL) == -1) {
        perror("sigaction");
        exit(EXIT_FAILURE);
    }

    int listenfd = socket(AF_INET, SOCK_STREAM, 0);
    if (listenfd == -1) {
        perror("socket");
        exit(EXIT_FAILURE);
    }

    int yes = 1;   /* let a restarted server bind while old connections sit in TIME_WAIT */
    int rc = setsockopt(listenfd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    if (rc == -1) {
        perror("setsockopt");
        exit(EXIT_FAILURE);
    }

    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);   /* sin_zero: 8 padding bytes that must be 0 */
    addr.sin_family = AF_INET;
    addr.sin_port = htons(PORT);     /* network byte order: 9090 is stored as 23 82 */
    rc = inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);   /* 7f 00 00 01 */
    if (rc != 1) {
        fprintf(stderr, "not an IPv4 address\n");
        exit(EXIT_FAILURE);
    }

    rc = bind(listenfd, (struct sockaddr *) &addr, sizeof addr);
    if (rc == -1) {
        perror("bind");
        exit(EXIT_FAILURE);
    }

    rc = listen(listenfd, BACKLOG);
    if (rc == -1) {
        perror("listen");
        exit(EXIT_FAILURE);
    }

    while (!stop) {   /* Ctrl-C ends the loop; SocketStage's Stop does the same */
        struct sockaddr_in peer;
        socklen_t peerlen = sizeof peer;   /* in: room in peer; out: bytes accept() wrote */
        int connfd = accept(listenfd, (struct sockaddr *) &peer, &peerlen);
        if (connfd == -1) {
            int err = errno;
            if (err == EINTR)
                continue;   /* a signal: look at the stop flag, then call again */
            perror("accept");
            if (err == EMFILE || err == ENFILE)
                sleep(1);   /* out of descriptors: pause instead of spinning, then retry */
            continue;       /* one failed accept() must not end the server */
        }

        char who[INET_ADDRSTRLEN];
        if (inet_ntop(AF_INET, &peer.sin_addr, who, sizeof who) != NULL)
            printf("client %s port %u\n", who, (unsigned) ntohs(peer.sin_port));

        char buf[4096];
        while (!stop) {
            ssize_t n = recv(connfd, buf, sizeof buf, 0);
            if (n == -1) {
                if (errno == EINTR)
                    continue;   /* a signal: look at the stop flag, then call again */
                perror("recv");
                break;
            }
            if (n == 0)   /* the client closed its side */
                break;
            if (n >= 4 && memcmp(buf, "exit", 4) == 0)   /* simplified: see lesson 7 */
                break;
            if (send_all(connfd, buf, (size_t) n) == -1) {
                perror("send");
                break;
            }
        }

        rc = close(connfd);
        if (rc == -1) {
            perror("close");
        }
    }

    rc = close(listenfd);   /* reached once a signal has set stop */
    if (rc == -1) {
        perror("close");
    }
    return 0;
}
