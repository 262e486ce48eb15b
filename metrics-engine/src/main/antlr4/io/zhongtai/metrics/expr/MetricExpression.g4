/*
 * The expression and filter language of metric definitions and queries:
 *   order_status = 'paid'
 *   category IN ('Beauty', 'Apparel') AND NOT channel = 'online'
 *   quantity * unit_price * (1 - discount)
 *   CASE WHEN rating >= 4 THEN 1 ELSE 0 END
 *   region = user_attribute('region')
 * Keywords are case-insensitive. References name columns (in a semantic model's expressions),
 * dimensions (in filters) or metric inputs (in derived metrics); a dotted reference
 * `model.column` reads a column of another model joined many-to-one.
 */
grammar MetricExpression;

parse
    : expression EOF
    ;

expression
    : NOT expression                                                    # notExpression
    | expression AND expression                                         # andExpression
    | expression OR expression                                          # orExpression
    | predicate                                                         # predicateExpression
    ;

predicate
    : left=valueExpression op=comparisonOperator right=valueExpression  # comparison
    | valueExpression NOT? IN '(' valueExpression (',' valueExpression)* ')'   # inList
    | valueExpression NOT? BETWEEN lower=valueExpression AND upper=valueExpression # between
    | valueExpression NOT? LIKE pattern=valueExpression                # like
    | valueExpression IS NOT? NULL                                      # isNull
    | valueExpression                                                   # plainValue
    ;

comparisonOperator
    : '=' | '<>' | '!=' | '<' | '<=' | '>' | '>='
    ;

valueExpression
    : op=('-' | '+') valueExpression                                    # unaryMinus
    | left=valueExpression op=('*' | '/' | '%') right=valueExpression   # multiplicative
    | left=valueExpression op=('+' | '-') right=valueExpression         # additive
    | left=valueExpression op='||' right=valueExpression                # concatenation
    | primary                                                           # primaryValue
    ;

primary
    : literal                                                           # literalValue
    | CASE operand=expression? whenClause+ (ELSE elseValue=expression)? END # caseExpression
    | name=identifier '(' (expression (',' expression)*)? ')'            # functionCall
    | identifier ('.' identifier)?                                      # reference
    | '(' expression ')'                                                # parenthesized
    ;

whenClause
    : WHEN condition=expression THEN result=expression
    ;

literal
    : STRING                                                            # stringLiteral
    | NUMBER                                                            # numberLiteral
    | DATE STRING                                                       # dateLiteral
    | (TRUE | FALSE)                                                    # booleanLiteral
    | NULL                                                              # nullLiteral
    ;

identifier
    : IDENTIFIER
    | QUOTED_IDENTIFIER
    ;

AND: [Aa][Nn][Dd];
OR: [Oo][Rr];
NOT: [Nn][Oo][Tt];
IN: [Ii][Nn];
BETWEEN: [Bb][Ee][Tt][Ww][Ee][Ee][Nn];
LIKE: [Ll][Ii][Kk][Ee];
IS: [Ii][Ss];
NULL: [Nn][Uu][Ll][Ll];
TRUE: [Tt][Rr][Uu][Ee];
FALSE: [Ff][Aa][Ll][Ss][Ee];
CASE: [Cc][Aa][Ss][Ee];
WHEN: [Ww][Hh][Ee][Nn];
THEN: [Tt][Hh][Ee][Nn];
ELSE: [Ee][Ll][Ss][Ee];
END: [Ee][Nn][Dd];
DATE: [Dd][Aa][Tt][Ee];

STRING: '\'' ( ~'\'' | '\'\'' )* '\'';
NUMBER: DIGIT+ ('.' DIGIT*)? | '.' DIGIT+;
IDENTIFIER: [\p{L}_] [\p{L}\p{N}_]*;
QUOTED_IDENTIFIER: '"' ( ~'"' | '""' )+ '"';

fragment DIGIT: [0-9];

WS: [ \t\r\n]+ -> skip;

// anything else is reported as an error at its place rather than silently dropped
UNEXPECTED: . ;
