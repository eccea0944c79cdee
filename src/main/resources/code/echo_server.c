/* echo_server.c - the server SocketStage runs, one system call at a time.
 * Build: cc -o echo_server echo_server.c   Run: ./echo_server   Try: nc 127.0.0.1 9090 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define PORT    9090
#define BACKLOG 5

int main(void)
{
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

    for (;;) {   /* SocketStage leaves this loop when you press Stop */
        struct sockaddr_in peer;
        socklen_t peerlen = sizeof peer;
        int connfd = accept(listenfd, (struct sockaddr *) &peer, &peerlen);
        if (connfd == -1) {
            perror("accept");
            continue;
        }

        char buf[4096];
        for (;;) {
            ssize_t n = recv(connfd, buf, sizeof buf, 0);
            if (n == -1) {
                perror("recv");
                break;
            }
            if (n == 0)   /* the client closed its side */
                break;
            if (n >= 4 && memcmp(buf, "exit", 4) == 0)
                break;

            ssize_t sent = send(connfd, buf, n, MSG_NOSIGNAL);
            if (sent == -1) {
                perror("send");
                break;
            }
        }

        rc = close(connfd);
        if (rc == -1) {
            perror("close");
        }
    }

    rc = close(listenfd);   /* a plain C program gets here only if the loop ends */
    if (rc == -1) {
        perror("close");
    }
    return 0;
}
