/* bug_no_send_loop.c - BUG: one send() per recv(), its count not checked.
 * send() may take fewer bytes than offered (a full socket buffer, a signal): the rest is silently lost.
 * Build: cc -Wall -o bug_no_send_loop bug_no_send_loop.c     Run: ./bug_no_send_loop 9090 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define BACKLOG 5

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
        if (send(connfd, buf, (size_t) n, MSG_NOSIGNAL) == -1) {   /* BUG: may send fewer than n */
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
    addr.sin_port = htons(port);                    /* network byte order */
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
