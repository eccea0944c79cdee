/* bug_no_htons.c - BUG: the port is stored without htons().
 * sin_port must hold the port in network byte order (high byte first); x86 and ARM keep numbers low byte
 * first, so 9090 (0x2382) stored as it is reaches the kernel as the bytes 82 23: port 33315.
 * Build: cc -Wall -o bug_no_htons bug_no_htons.c     Run: ./bug_no_htons 9090 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define BACKLOG 5

/* send() may take fewer bytes than offered: loop until all are sent. */
static int send_all(int fd, const char *buf, size_t len)
{
    size_t off = 0;
    while (off < len) {
        ssize_t n = send(fd, buf + off, len - off, MSG_NOSIGNAL);
        if (n == -1) {
            if (errno == EINTR)
                continue;          /* a signal interrupted it: try again */
            return -1;             /* EPIPE, ECONNRESET: this client is gone */
        }
        off += (size_t) n;
    }
    return 0;
}

/* Echo one client until it closes its side (or sends "exit"). */
static void serve(int connfd)
{
    char buf[4096];
    for (;;) {
        ssize_t n = recv(connfd, buf, sizeof buf, 0);
        if (n == -1) {
            if (errno == EINTR)
                continue;
            perror("recv");        /* ECONNRESET: the client aborted */
            return;
        }
        if (n == 0)                /* the client closed its side */
            return;
        if (n >= 4 && memcmp(buf, "exit", 4) == 0)
            return;
        if (send_all(connfd, buf, (size_t) n) == -1) {
            perror("send");
            return;
        }
    }
}

int main(int argc, char *argv[])
{
    int port = argc > 1 ? atoi(argv[1]) : 9090;

    int listenfd = socket(AF_INET, SOCK_STREAM, 0);
    if (listenfd == -1) {
        perror("socket");
        exit(EXIT_FAILURE);
    }

    int yes = 1;   /* let a restarted server bind while old connections sit in TIME_WAIT */
    if (setsockopt(listenfd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes) == -1) {
        perror("setsockopt");
        exit(EXIT_FAILURE);
    }

    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = port;                           /* BUG: should be htons(port) */
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);  /* 127.0.0.1 */

    if (bind(listenfd, (struct sockaddr *) &addr, sizeof addr) == -1) {
        perror("bind");
        exit(EXIT_FAILURE);
    }
    if (listen(listenfd, BACKLOG) == -1) {
        perror("listen");
        exit(EXIT_FAILURE);
    }
    printf("echo_server: listening on 127.0.0.1:%d\n", port);
    fflush(stdout);

    for (;;) {
        struct sockaddr_in peer;
        socklen_t peerlen = sizeof peer;
        int connfd = accept(listenfd, (struct sockaddr *) &peer, &peerlen);
        if (connfd == -1) {
            /* EINTR, ECONNABORTED, EMFILE: one client's problem, not the server's */
            perror("accept");
            continue;
        }
        serve(connfd);
        if (close(connfd) == -1)
            perror("close");
    }
}
